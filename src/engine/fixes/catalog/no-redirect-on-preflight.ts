import type { TopicCatalog } from '../topics';

export const noRedirectOnPreflight: TopicCatalog = {
  express: {
    summary:
      'Register cors() before any middleware that redirects (https or host canonicalisation, login redirects), so preflights get a 204 instead of a 3xx.',
    language: 'js',
    code: `app.use(cors({ origin: ['{{origin}}'] })); // first: answers every preflight with 204 itself

// Redirecting middleware registered after it never sees a preflight:
app.use(requireHttps); // http → https / apex → www canonicalisation
app.use('/api', requireLogin); // APIs should answer 401 here, not 302 to /login
app.use('/api', api);
// Express itself doesn't redirect "/items" ↔ "/items/". Still call the final https URL from the
// page: the actual request would be redirected too, and a cross-origin redirect nulls its Origin.`,
  },
  fastify: {
    summary:
      'Register @fastify/cors before any onRequest hook that redirects, so it answers preflights first, and call the final https URL from the page.',
    language: 'js',
    code: `const fastify = Fastify({ trustProxy: true });
// First: @fastify/cors answers preflights in its onRequest hook, before later hooks run
await fastify.register(import('@fastify/cors'), { origin: ['{{origin}}'] });

fastify.addHook('onRequest', async (request, reply) => {
  // https canonicalisation must leave preflights alone (the page should call https:// anyway)
  if (request.method !== 'OPTIONS' && request.protocol === 'http') {
    return reply.redirect('https://' + request.hostname + request.url, 308);
  }
});
// Fastify never redirects a trailing slash by itself: "/items/" is a 404 unless ignoreTrailingSlash.`,
  },
  koa: {
    summary:
      'Mount @koa/cors before any middleware that redirects, so preflights get a 204, and keep OPTIONS out of your https or host redirects.',
    language: 'js',
    code: `app.proxy = true; // trust X-Forwarded-Proto from the TLS proxy
app.use(cors({ origin: '{{origin}}' })); // first: answers preflights with 204 before any redirect

app.use(async (ctx, next) => {
  // https / host canonicalisation: never for preflights, and the page should call the final URL
  if (ctx.method !== 'OPTIONS' && ctx.protocol === 'http') {
    ctx.status = 308;
    return ctx.redirect('https://' + ctx.host + ctx.url);
  }
  await next();
});
app.use(router.routes());`,
  },
  nestjs: {
    summary:
      'Call app.enableCors() before any app.use() that redirects, so preflights are answered with a 204 first, and call the final https URL from the page.',
    language: 'ts',
    code: `const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['{{origin}}'] }); // first: preflights get a 204 here

// Only then anything that redirects (https/host canonicalisation, login redirects):
// app.use(httpsRedirect);
// Nest doesn't redirect "/items" ↔ "/items/" itself, so a 301/302 on a preflight comes from such
// middleware or from the proxy in front. Point the frontend at the final URL as well, because
// the actual request would be redirected too: API_URL=https://api.example.com
await app.listen(3000);`,
  },
  nextjs: {
    summary:
      'Call the API path in the form your trailingSlash setting expects, because Next.js answers the other form with a 308 that a preflight cannot follow.',
    language: 'js',
    code: `// next.config.js
module.exports = {
  // false (the default): "/api/items/" → 308 → "/api/items"; true: "/api/items" → 308 → "/api/items/".
  // Make the page call {{path}} in that form. Only if you must accept both forms, set
  // skipTrailingSlashRedirect: true and handle trailing slashes in proxy.ts yourself.
  trailingSlash: false,
};
// On Vercel, http:// and apex/www domain redirects are also 308s: call the https primary domain.`,
  },
  django: {
    summary:
      'Put CorsMiddleware above SecurityMiddleware and CommonMiddleware so it answers preflights before APPEND_SLASH or SECURE_SSL_REDIRECT can redirect them, and call the exact URL.',
    language: 'python',
    code: `MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",  # answers preflights itself, before any redirect
    "django.middleware.security.SecurityMiddleware",  # SECURE_SSL_REDIRECT: http → https
    "django.middleware.common.CommonMiddleware",  # APPEND_SLASH: /api/items → /api/items/
    # ...
]
# Also call the URL exactly as urls.py defines it, trailing slash included (https://…/api/items/):
# the actual request would be redirected too, and a POST loses its body on a 301.`,
  },
  flask: {
    summary:
      'Turn off strict slashes (or call the route exactly as declared), because Werkzeug answers "/items" with a 308 to "/items/" before any CORS code runs.',
    language: 'python',
    code: `app = Flask(__name__)
app.url_map.strict_slashes = False  # set before declaring routes: "/items" and "/items/" both match
CORS(app, origins=["{{origin}}"])


@app.route("/api/items/", methods=["GET", "POST"])  # or per route: strict_slashes=False
def items():
    ...`,
  },
  fastapi: {
    summary:
      'Add CORSMiddleware last so it answers preflights before HTTPSRedirectMiddleware or the router can redirect them, and stop trailing-slash 307s with redirect_slashes=False.',
    language: 'python',
    code: `from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.httpsredirect import HTTPSRedirectMiddleware

app = FastAPI(redirect_slashes=False)  # no 307 between "/items" and "/items/"
app.add_middleware(HTTPSRedirectMiddleware)  # if you use it: added first = inner
# Added last = outermost: preflights are answered here, before anything below can redirect
app.add_middleware(CORSMiddleware, allow_origins=["{{origin}}"], allow_methods=["*"], allow_headers=["*"])


@app.get("/api/items")  # declare the path exactly as the page calls it
async def list_items(): ...`,
  },
  spring: {
    summary:
      'Add http.cors() so Spring Security answers preflights before its login redirect, return 401 instead of a 302 to the login page, and call the https URL directly.',
    language: 'java',
    code: `@Bean
SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http
        .cors(Customizer.withDefaults()) // CorsFilter answers preflights before authentication
        .exceptionHandling(e -> e.authenticationEntryPoint(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))) // 401, not a 302 to /login
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .build();
}
// Spring 6 no longer matches "/items/" to "/items" (404, not a redirect). An https redirect
// (requiresChannel / redirectToHttps) runs before CorsFilter: have the page call https:// instead.`,
  },
  aspnet: {
    summary:
      'Call UseCors before UseHttpsRedirection so preflights get a 204 instead of a 307, and have the page call the https URL directly.',
    language: 'csharp',
    code: `var app = builder.Build();
app.UseCors("frontend");    // named policy: answers OPTIONS with 204 before any redirect
app.UseHttpsRedirection();  // 307 http → https for everything else
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
// The actual request would still be redirected (and its Origin nulled by the cross-origin hop),
// so point the frontend at https:// too.`,
  },
  rails: {
    summary:
      'Insert Rack::Cors at position 0 so it answers preflights before ActionDispatch::SSL (force_ssl) can redirect them, and call the https URL from the page.',
    language: 'ruby',
    code: `# config/initializers/cors.rb: above ActionDispatch::SSL and everything else
Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins "{{origin}}"
    resource "*", headers: :any, methods: [:get, :post, :put, :patch, :delete, :options, :head]
  end
end

# config/environments/production.rb: keep force_ssl, but never redirect a preflight
config.ssl_options = { redirect: { exclude: ->(request) { request.options? } } }`,
  },
  go: {
    summary:
      'Wrap the mux in the CORS handler so preflights are answered before ServeMux can redirect them, and register the exact path the page calls.',
    language: 'go',
    code: `mux := http.NewServeMux()
mux.HandleFunc("/api/items/", items) // alone, ServeMux answers "/api/items" with a 301 to "/api/items/"
mux.HandleFunc("/api/items", items)  // so register the form the page calls as well

c := cors.New(cors.Options{
	AllowedOrigins: []string{"{{origin}}"},
	AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete},
})
// Outermost: preflights are answered here, before ServeMux can redirect them
log.Fatal(http.ListenAndServe(":8080", c.Handler(mux)))`,
  },
  nginx: {
    summary:
      "Call the https URL from the page rather than exempting OPTIONS, and add an exact location so a prefix location doesn't 301 the bare path to a trailing slash.",
    language: 'nginx',
    code: `# http → https: the page must call https:// directly (a redirected preflight fails, and a
# redirected actual request arrives with Origin: null)
server {
    listen 80;
    return 301 https://$host$request_uri;
}
# In the https server: "location /api/ { proxy_pass … }" answers "/api" with a 301 to "/api/".
# An exact match proxies the bare path instead of redirecting it:
location = /api { proxy_pass http://backend; }
location /api/  { proxy_pass http://backend; }`,
  },
  apache: {
    summary:
      'Keep OPTIONS out of your RewriteRule redirects (https, www, trailing slash), and call the canonical https URL from the page.',
    language: 'apache',
    code: `RewriteEngine On
# Canonical-URL redirects must not touch preflights
RewriteCond %{REQUEST_METHOD} !=OPTIONS
RewriteCond %{HTTPS} off
RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]

# Frameworks' .htaccess often strip trailing slashes the same way (e.g. Laravel's):
RewriteCond %{REQUEST_METHOD} !=OPTIONS
RewriteCond %{REQUEST_FILENAME} !-d
RewriteRule ^(.*)/$ /$1 [L,R=301]`,
  },
  caddy: {
    summary:
      'Call the canonical https URL from the page, because Caddy answers http:// with an automatic 308 and a preflight cannot follow it.',
    language: 'caddy',
    code: `# Automatic HTTPS redirects every http:// request to https:// with a 308: have the page
# call https://api.example.com{{path}} directly, on the one host that has no redir.
api.example.com {
    reverse_proxy localhost:8080
}

# Host redirects are for people typing URLs; the page must not call this host:
www.api.example.com {
    redir https://api.example.com{uri} 308
}`,
  },
  cloudflare: {
    summary:
      'Call the canonical https URL from the page, and keep OPTIONS out of Cloudflare redirect rules (Always Use HTTPS cannot exclude it).',
    language: 'text',
    code: `Best: call the final URL from the page (https, canonical host, exact path {{path}}),
so no redirect applies to it at all.

If you need a redirect rule anyway (Rules → Redirect Rules), exclude preflights:
  When incoming requests match:  (not ssl and http.request.method ne "OPTIONS")
  Then: Dynamic redirect, 301, expression  concat("https://", http.host, http.request.uri.path)
        Preserve query string: on
and turn off SSL/TLS → Edge Certificates → "Always Use HTTPS", which redirects OPTIONS too.
Do the same for www ↔ apex and trailing-slash rules: add  and http.request.method ne "OPTIONS".`,
  },
  'aws-api-gateway': {
    summary:
      'Let API Gateway answer preflights itself, so OPTIONS never reaches a backend that redirects it, and call the resource path exactly as defined.',
    language: 'yaml',
    code: `# HTTP API: with a CorsConfiguration, API Gateway answers preflights without calling the integration
HttpApi:
  Type: AWS::Serverless::HttpApi
  Properties:
    CorsConfiguration:
      AllowOrigins: ["{{origin}}"]
      AllowMethods: [{{methods}}]
      AllowHeaders: [{{headers}}]
# REST API (SAM): Cors adds a MOCK-integration OPTIONS method to every path:
#   Cors: { AllowOrigin: "'{{origin}}'", AllowMethods: "'{{methods}}'", AllowHeaders: "'{{headers}}'" }
# API Gateway has no http:// endpoint; a 3xx comes from the backend (trailing slash, https, login).`,
  },
  cloudfront: {
    summary:
      'Call the https URL from the page, because a "Redirect HTTP to HTTPS" viewer protocol policy 301s every http request, preflights included.',
    language: 'yaml',
    code: `DefaultCacheBehavior:
  # Every http:// request gets a 301 here, and a preflight cannot follow it:
  # the page must call https://<your distribution or alias>{{path}} directly.
  ViewerProtocolPolicy: redirect-to-https
  # Forward OPTIONS to the origin instead of rejecting it:
  AllowedMethods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
# If the origin is an S3 website endpoint, it redirects "/folder" to "/folder/": call the slash form.`,
  },
};
