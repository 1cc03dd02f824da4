import type { TopicCatalog } from '../topics';

export const varyOrigin: TopicCatalog = {
  express: {
    summary:
      'Keep cors() in charge of the header, since it adds Vary: Origin for any origin setting other than "*", and append to Vary wherever you echo the Origin by hand.',
    language: 'js',
    code: `app.use(cors({ origin: ['{{origin}}'] })); // sends Vary: Origin itself

// Where you echo the Origin yourself, add it with res.vary() (appends, never overwrites):
app.use((req, res, next) => {
  res.vary('Origin');
  next();
});
// check: curl -sI -H 'Origin: {{origin}}' https://api.example.com{{path}} | grep -i '^vary'`,
  },
  fastify: {
    summary:
      'Give @fastify/cors an array, RegExp or function as origin, which makes it add Vary: Origin, and never overwrite Vary later with reply.header().',
    language: 'js',
    code: `// Array/RegExp/function origin: @fastify/cors echoes the match and adds "Vary: Origin".
// (A plain string is a fixed value and needs no Vary.)
await fastify.register(import('@fastify/cors'), { origin: ['{{origin}}'] });

// reply.header('Vary', 'Accept-Encoding') later would replace it: include Origin if you do.
// check: curl -sI -H 'Origin: {{origin}}' https://api.example.com{{path}} | grep -i '^vary'`,
  },
  koa: {
    summary:
      'Rely on @koa/cors, which calls ctx.vary("Origin") on every response, and use ctx.vary() rather than ctx.set("Vary") elsewhere so it is not overwritten.',
    language: 'js',
    code: `const allowed = new Set(['{{origin}}']);

// @koa/cors adds "Vary: Origin" on every response, allowed origin or not
app.use(cors({ origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : '') }));

// elsewhere: ctx.vary('Accept-Encoding') appends; ctx.set('Vary', …) would drop Origin
// check: curl -sI -H 'Origin: {{origin}}' https://api.example.com{{path}} | grep -i '^vary'`,
  },
  nestjs: {
    summary:
      'Use app.enableCors() with an array of origins, which adds Vary: Origin through the cors package, and do not overwrite Vary in controllers or interceptors.',
    language: 'ts',
    code: `const app = await NestFactory.create(AppModule);
// Array origin: the cors package (or @fastify/cors) echoes the match and adds Vary: Origin
app.enableCors({ origin: ['{{origin}}'] });

// @Header('Vary', 'Accept-Encoding') or res.setHeader('Vary', …) replaces it: list Origin too.
// check: curl -sI -H 'Origin: {{origin}}' https://api.example.com{{path}} | grep -i '^vary'`,
  },
  nextjs: {
    summary:
      'When you echo the request Origin in proxy/middleware or a route handler, also append Vary: Origin, because Next.js adds nothing for you.',
    language: 'ts',
    code: `// proxy.ts (Next.js 16; in middleware.ts before 16, name the function middleware)
import { NextResponse, type NextRequest } from 'next/server';

const allowed = new Set(['{{origin}}']);

export function proxy(request: NextRequest) {
  const origin = request.headers.get('origin') ?? '';
  const response = NextResponse.next();
  if (allowed.has(origin)) response.headers.set('Access-Control-Allow-Origin', origin);
  response.headers.append('Vary', 'Origin'); // on every response: allowed, refused or no Origin
  return response;
}

export const config = { matcher: '/api/:path*' };`,
  },
  django: {
    summary:
      "Rely on django-cors-headers, which adds Vary: Origin itself, and place UpdateCacheMiddleware first if you use Django's cache so cached entries are keyed on Origin.",
    language: 'python',
    code: `# django-cors-headers patches "Vary: Origin" into every response under CORS_URLS_REGEX.
# With the per-site cache, keep UpdateCacheMiddleware first and FetchFromCacheMiddleware last,
# so cache entries are keyed on that header.
MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ...
    "django.middleware.cache.FetchFromCacheMiddleware",
]
# check: curl -sI -H "Origin: {{origin}}" https://api.example.com{{path}} | grep -i '^vary'`,
  },
  flask: {
    summary:
      "Keep flask-cors' vary_header on (the default) and add Vary: Origin to the responses it leaves alone, such as requests without an Origin.",
    language: 'python',
    code: `# flask-cors adds "Vary: Origin" when it echoes one of several allowed origins (vary_header=True)
CORS(app, origins=["{{origin}}", "https://admin.example.com"])


@app.after_request
def vary_on_origin(response):
    # also on responses without CORS headers (no Origin, or an origin that isn't allowed),
    # so a cache never replays them to an allowed origin
    response.vary.add("Origin")
    return response`,
  },
  fastapi: {
    summary:
      'Rely on CORSMiddleware for the responses it decorates, and add Vary: Origin to the rest, because Starlette adds it only when it echoes an allowed origin.',
    language: 'python',
    code: `app.add_middleware(CORSMiddleware, allow_origins=["{{origin}}"])  # Vary: Origin on echoed responses


@app.middleware("http")
async def vary_on_origin(request, call_next):
    response = await call_next(request)
    # requests without Origin, or from other origins, otherwise get no Vary at all
    if "origin" not in response.headers.get("vary", "").lower():
        response.headers.add_vary_header("Origin")
    return response`,
  },
  spring: {
    summary:
      "Rely on Spring's CORS processing, which already adds Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers, and append to Vary instead of replacing it.",
    language: 'java',
    code: `// CorsFilter, @CrossOrigin and addCorsMappings all add
//   Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
// Code that sets Vary itself must append, or it wipes those values out:
response.addHeader(HttpHeaders.VARY, "Accept-Encoding");   // not setHeader(...)
// ResponseEntity: .varyBy("Accept-Encoding") also appends to what is already there
// check: curl -sI -H "Origin: {{origin}}" https://api.example.com{{path}} | grep -i '^vary'`,
  },
  aspnet: {
    summary:
      'Add Vary: Origin to every cacheable response, because the CORS middleware only adds it on CORS requests when the policy allows several origins.',
    language: 'csharp',
    code: `// CorsMiddleware adds "Vary: Origin" only for policies with several origins (or
// SetIsOriginAllowed), and only on CORS requests. If responses can be cached, send it always:
app.UseCors("frontend");
app.Use(async (context, next) =>
{
    context.Response.Headers.Append("Vary", "Origin");
    await next();
});`,
  },
  rails: {
    summary:
      'Rely on rack-cors, which adds Vary: Origin to every response of a matching resource, and keep it first in the stack so nothing replaces the header afterwards.',
    language: 'ruby',
    code: `# rack-cors adds "Vary: Origin" to every response whose path matches a resource below,
# whether or not the request had an Origin (pass vary: [...] only to replace that list)
Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins "{{origin}}"
    resource "*", headers: :any, methods: [:get, :post, :put, :patch, :delete, :options, :head]
  end
end
# check: curl -sI -H "Origin: {{origin}}" https://api.example.com{{path}} | grep -i '^vary'`,
  },
  go: {
    summary:
      'Add Vary: Origin with Header().Add on every response of an endpoint that echoes the Origin, as rs/cors does for you.',
    language: 'go',
    code: `// rs/cors adds "Vary: Origin" to every response. By hand, do the same, on every response
// (allowed origin or not), with Add so other Vary values survive:
func withCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		if origin := r.Header.Get("Origin"); origin == "{{origin}}" {
			w.Header().Set("Access-Control-Allow-Origin", origin)
		}
		next.ServeHTTP(w, r)
	})
}`,
  },
  nginx: {
    summary:
      'Send "add_header Vary Origin always;" next to the echoed origin, and put $http_origin in proxy_cache_key if nginx caches the location.',
    language: 'nginx',
    code: `map $http_origin $cors_origin {
    default "";
    "{{origin}}" $http_origin;
}
server {
    location {{path}} {
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Vary Origin always;  # on every response, allowed origin or not
        # nginx's own cache doesn't see add_header's Vary: key the cache on Origin
        proxy_cache_key "$scheme$host$request_uri$http_origin";
        proxy_pass http://backend;
    }
}`,
  },
  apache: {
    summary: 'Add "Header always merge Vary Origin" wherever Access-Control-Allow-Origin is echoed from the request.',
    language: 'apache',
    code: `# Echo the Origin only when it is allowed...
<If "%{HTTP:Origin} == '{{origin}}'">
    Header always set Access-Control-Allow-Origin "expr=%{HTTP:Origin}"
</If>
# ...and on every response say that the answer depends on it
# ("merge" keeps other Vary values and doesn't add Origin twice)
Header always merge Vary Origin`,
  },
  caddy: {
    summary: 'Add Vary: Origin with "header +Vary Origin" on every response of a site that echoes the Origin.',
    language: 'caddy',
    code: `api.example.com {
    @allowed header Origin {{origin}}
    header @allowed Access-Control-Allow-Origin "{http.request.header.Origin}"
    header +Vary Origin  # "+" appends: on every response, allowed or not
    reverse_proxy localhost:8080
}`,
  },
  cloudflare: {
    summary:
      'Have the origin send Vary: Origin, bypass the cache for API responses a Cache Rule would cache, and purge everything after changing CORS settings.',
    language: 'text',
    code: `1. The origin sends "Vary: Origin" whenever it echoes the request's Origin (browsers need it).
2. Cloudflare caches only static file extensions by default. If a Cache Rule ("Eligible for
   cache" / Cache Everything) covers the API, exclude it:
   Rules → Cache Rules → If: starts_with(http.request.uri.path, "/api/") → Then: Bypass cache
3. After changing CORS settings at the origin, Purge Everything: a purge by URL does not
   refresh the cached CORS variants.`,
  },
  'aws-api-gateway': {
    summary:
      "Return Vary: Origin from the Lambda whenever it echoes the Origin, and with stage caching on, add the Origin header to the method's cache key.",
    language: 'yaml',
    code: `# REST API stage cache: cache per Origin (on the AWS::ApiGateway::Method, next to what you have)
RequestParameters:
  method.request.header.Origin: false
Integration:
  CacheKeyParameters:
    - method.request.header.Origin
# Lambda responses that echo the Origin also say so:
#   headers: { "Access-Control-Allow-Origin": origin, "Vary": "Origin" }`,
  },
  cloudfront: {
    summary:
      'Put the Origin header in the cache key with a cache policy (an origin request policy only forwards it), so each origin gets its own cached response.',
    language: 'yaml',
    code: `ApiCachePolicy:
  Type: AWS::CloudFront::CachePolicy
  Properties:
    CachePolicyConfig:
      Name: api-vary-origin
      MinTTL: 0
      DefaultTTL: 60
      MaxTTL: 3600
      ParametersInCacheKeyAndForwardedToOrigin:
        EnableAcceptEncodingGzip: true
        HeadersConfig:  # in the cache key, and forwarded to the origin
          HeaderBehavior: whitelist
          Headers: [Origin, Access-Control-Request-Method, Access-Control-Request-Headers]
        CookiesConfig: { CookieBehavior: none }
        QueryStringsConfig: { QueryStringBehavior: all }`,
  },
};
