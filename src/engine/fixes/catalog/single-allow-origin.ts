import type { TopicCatalog } from '../topics';

export const singleAllowOrigin: TopicCatalog = {
  express: {
    summary:
      'Let the cors middleware be the only thing that sets Access-Control-Allow-Origin, and give it an array so it echoes the one matching origin.',
    language: 'js',
    code: `// An array (or RegExp/function) makes cors() echo the single origin that matches:
app.use(cors({ origin: ['{{origin}}', 'https://admin.example.com'] }));
// Never one string listing several origins: it is sent verbatim and always fails.
//   cors({ origin: '{{origin}}, https://admin.example.com' })  // wrong

// Delete the other copies: res.append('Access-Control-Allow-Origin', …) in your code, and the
// proxy's add_header / Header add for it if nginx, Apache or a CDN also adds one.`,
  },
  fastify: {
    summary:
      'Let @fastify/cors be the only thing that sets Access-Control-Allow-Origin, with an array of origins so it echoes the matching one.',
    language: 'js',
    code: `// An array (or RegExp/function) makes @fastify/cors echo the single origin that matches
await fastify.register(import('@fastify/cors'), {
  origin: ['{{origin}}', 'https://admin.example.com'],
});
// Remove reply.header('Access-Control-Allow-Origin', …) from hooks and handlers, and the
// add_header / Header add for it in the proxy in front, so only one layer sends it.`,
  },
  koa: {
    summary:
      'Let @koa/cors be the only thing that sets Access-Control-Allow-Origin, with an origin function that returns the one matching origin.',
    language: 'js',
    code: `const allowed = new Set(['{{origin}}', 'https://admin.example.com']);

// Return the request's Origin when it is allowed: one value, never "a, b"
app.use(cors({ origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
// and remove ctx.append('Access-Control-Allow-Origin', …) elsewhere, plus any copy your
// proxy adds (nginx add_header, Apache Header add, a CDN rule)`,
  },
  nestjs: {
    summary:
      "Enable CORS in exactly one place (app.enableCors with an array of origins) and remove hand-set copies of the header and the proxy's copy.",
    language: 'ts',
    code: `const app = await NestFactory.create(AppModule);
// The only place that sets Access-Control-Allow-Origin; an array echoes the one that matches
app.enableCors({ origin: ['{{origin}}', 'https://admin.example.com'] });
// Remove: @Header('Access-Control-Allow-Origin', …) on controllers, res.header(…) in
// interceptors, and add_header / Header add for it in the proxy in front of Nest.`,
  },
  nextjs: {
    summary:
      'Set Access-Control-Allow-Origin in one place only (next.config.js headers(), proxy/middleware, or the route handler), with one origin as its value.',
    language: 'ts',
    code: `// Pick ONE of: next.config.js headers(), proxy.ts (middleware.ts before Next.js 16),
// the route handler, or vercel.json "headers". Two of them give two header lines.
// app/api/items/route.ts
export async function GET(request: Request) {
  const origin = request.headers.get('origin');
  const headers = new Headers({ Vary: 'Origin' });
  if (origin === '{{origin}}') headers.set('Access-Control-Allow-Origin', origin); // one value
  return Response.json(await listItems(), { headers });
}`,
  },
  django: {
    summary:
      'Let django-cors-headers alone send the header, and remove the add_header/Header set for it from the proxy in front of Django.',
    language: 'python',
    code: `# settings.py: django-cors-headers echoes the one matching origin on each response
CORS_ALLOWED_ORIGINS = ["{{origin}}", "https://admin.example.com"]

# Django itself can only send the header once, so a second copy comes from the proxy:
# delete "add_header Access-Control-Allow-Origin …" (nginx) or "Header set …" (Apache)
# for this app, and any response["Access-Control-Allow-Origin"] = "a, b" in views.`,
  },
  flask: {
    summary:
      'Let flask-cors alone set the header, and remove hand-written headers.add() calls, which append a second Access-Control-Allow-Origin.',
    language: 'python',
    code: `CORS(app, origins=["{{origin}}", "https://admin.example.com"])  # echoes the one that matches

# Delete hand-written copies such as this one: headers.add() appends a second header.
# @app.after_request
# def add_cors(response):
#     response.headers.add("Access-Control-Allow-Origin", "*")
#     return response`,
  },
  fastapi: {
    summary:
      'Add CORSMiddleware once with a list of origins, and drop any copy of the header set in routes or by the proxy in front of uvicorn.',
    language: 'python',
    code: `app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{origin}}", "https://admin.example.com"],  # a list: echoes the one that matches
)
# Remove response.headers.append("Access-Control-Allow-Origin", …) in routes, and the proxy's
# add_header for it (nginx, Traefik headers middleware, ingress annotations).`,
  },
  spring: {
    summary:
      'Configure CORS in one place only, because Spring skips responses that already carry the header, so a second copy comes from your own filter or the proxy.',
    language: 'java',
    code: `@Bean
CorsConfigurationSource corsConfigurationSource() {
    var config = new CorsConfiguration();
    config.setAllowedOrigins(List.of("{{origin}}", "https://admin.example.com")); // echoes the match
    var source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", config);
    return source;
}
// Delete response.addHeader("Access-Control-Allow-Origin", …) in your own Filter/Interceptor.
// Spring Cloud Gateway in front of services that also send it:
//   DedupeResponseHeader=Access-Control-Allow-Origin Access-Control-Allow-Credentials, RETAIN_FIRST`,
  },
  aspnet: {
    summary:
      'Let the CORS middleware be the only writer of the header, and remove customHeaders entries in web.config and hand-appended headers.',
    language: 'csharp',
    code: `// The CORS middleware echoes the single matching origin:
builder.Services.AddCors(o => o.AddPolicy("frontend", p =>
    p.WithOrigins("{{origin}}", "https://admin.example.com").AllowAnyHeader().AllowAnyMethod()));
app.UseCors("frontend");

// Delete the other writers:
//   context.Response.Headers.Append("Access-Control-Allow-Origin", …) in custom middleware
//   <add name="Access-Control-Allow-Origin" … /> under <customHeaders> in web.config (IIS)`,
  },
  rails: {
    summary:
      'Let rack-cors alone set the header, and remove the copy your proxy (nginx add_header, Apache Header add) adds in front of Rails.',
    language: 'ruby',
    code: `Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins "{{origin}}", "https://admin.example.com" # rack-cors echoes the one that matches
    resource "*", headers: :any, methods: [:get, :post, :put, :patch, :delete, :options, :head]
  end
end
# Rack headers are a hash, so Rails can't send the header twice by itself: the second copy
# comes from nginx/Apache/a CDN. Also never set headers["Access-Control-Allow-Origin"] = "a, b".`,
  },
  go: {
    summary:
      'Set the header in one layer only, with Header().Set rather than Add, and never both in your handler and in rs/cors or the proxy.',
    language: 'go',
    code: `func withCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin == "{{origin}}" {
			// Set replaces; Add would append a second value next to rs/cors' or the proxy's
			w.Header().Set("Access-Control-Allow-Origin", origin)
		}
		w.Header().Add("Vary", "Origin")
		next.ServeHTTP(w, r)
	})
}
// httputil.ReverseProxy copies the upstream's header too: drop one in ModifyResponse.`,
  },
  nginx: {
    summary:
      "Hide the application's Access-Control-Allow-Origin with proxy_hide_header before adding nginx's own, or delete nginx's add_header and let the app send it.",
    language: 'nginx',
    code: `map $http_origin $cors_origin {
    default "";
    "{{origin}}" $http_origin;
}
server {
    location {{path}} {
        proxy_pass http://backend;
        proxy_hide_header Access-Control-Allow-Origin;  # drop the app's copy...
        add_header Access-Control-Allow-Origin $cors_origin always;  # ...and send exactly one
        add_header Vary Origin always;
    }
}`,
  },
  apache: {
    summary:
      'Unset the backend\'s Access-Control-Allow-Origin and use "Header always set", never "Header add", so exactly one value goes out.',
    language: 'apache',
    code: `<Location "{{path}}">
    # Drop the copy the backend sent, then set exactly one ("add" would append a second)
    Header unset Access-Control-Allow-Origin
    Header always set Access-Control-Allow-Origin "{{origin}}"
</Location>
# Or remove these lines entirely and let the application send the header.`,
  },
  caddy: {
    summary:
      "Defer Caddy's header so it replaces the one reverse_proxy copies from the app, or delete it and let the app send the header alone.",
    language: 'caddy',
    code: `api.example.com {
    # Without "defer", Caddy sets its value first and reverse_proxy then adds the app's
    # copy next to it. Deferred, it is applied when the response is written and replaces it.
    header {
        Access-Control-Allow-Origin "{{origin}}"
        defer
    }
    reverse_proxy localhost:8080
}
# Or let only the app send it: drop the header block (or use header -Access-Control-Allow-Origin).`,
  },
  cloudflare: {
    summary:
      'Use "Set" rather than "Add" in the Response Header Transform Rule, or drop the rule and let the origin send the header.',
    language: 'text',
    code: `Rules → Transform Rules → Response Header Transform Rules → edit the CORS rule:
  Operation:   Set static   (not "Add": it appends a second header next to the origin's)
  Header name: Access-Control-Allow-Origin
  Value:       {{origin}}
Or delete the rule and let the origin send the header: one layer only.
In a Worker: response.headers.set('Access-Control-Allow-Origin', '{{origin}}'), not append().`,
  },
  'aws-api-gateway': {
    summary:
      "Let exactly one layer add the header: the HTTP API CORS configuration (which then ignores the Lambda's CORS headers) or the Lambda response, not both plus a mapping.",
    language: 'yaml',
    code: `# HTTP API: configure CORS here, and API Gateway ignores the CORS headers your integration returns
HttpApi:
  Type: AWS::Serverless::HttpApi
  Properties:
    CorsConfiguration:
      AllowOrigins: ["{{origin}}"]
      AllowMethods: [{{methods}}]
# REST API with Lambda proxy: return the header only from the Lambda, one origin, e.g.
#   headers: { "Access-Control-Allow-Origin": "{{origin}}" }
# and remove Access-Control-Allow-Origin from any method/integration response mapping.`,
  },
  cloudfront: {
    summary:
      'Let the response headers policy own the header with OriginOverride: true, so CloudFront replaces what the origin sends with one matching origin.',
    language: 'yaml',
    code: `ApiCors:
  Type: AWS::CloudFront::ResponseHeadersPolicy
  Properties:
    ResponseHeadersPolicyConfig:
      Name: api-cors
      CorsConfig:
        AccessControlAllowOrigins: { Items: ["{{origin}}"] }  # CloudFront echoes the match
        AccessControlAllowMethods: { Items: [{{methods}}] }
        AccessControlAllowHeaders: { Items: [{{headers}}] }
        AccessControlAllowCredentials: false  # true if the page sends cookies
        OriginOverride: true  # CloudFront's value replaces the origin's
# Lambda@Edge / CloudFront Functions that add it too: set it there, or here, not in both.`,
  },
};
