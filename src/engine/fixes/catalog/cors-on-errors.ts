import type { TopicCatalog } from '../topics';

export const corsOnErrors: TopicCatalog = {
  express: {
    summary: 'Register cors() first, so error handlers and 401/404/500 responses go out with the CORS headers too.',
    language: 'js',
    code: `app.use(cors({ origin: ['{{origin}}'] })); // first: sets the headers before anything can fail
app.use(authenticate); // a 401 from here keeps them
app.use(router);
app.use((err, req, res, next) => {
  res.status(err.status ?? 500).json({ error: err.message }); // and so does this 500
});`,
  },
  fastify: {
    summary:
      'Register @fastify/cors before auth plugins, so its onRequest hook has set the headers when a 401 or an error reply goes out.',
    language: 'js',
    code: `await fastify.register(import('@fastify/cors'), { origin: ['{{origin}}'] }); // onRequest hook, runs first
await fastify.register(authPlugin); // registered after cors: its 401s keep the headers

fastify.setErrorHandler((err, request, reply) => {
  // headers already set with reply.header() stay on the error reply
  reply.code(err.statusCode ?? 500).send({ error: err.message });
});`,
  },
  koa: {
    summary:
      'Mount @koa/cors first with keepHeadersOnError, so errors thrown further down still leave with the CORS headers.',
    language: 'js',
    code: `import cors from '@koa/cors';

// First middleware. keepHeadersOnError copies the CORS headers onto thrown errors; without it
// Koa's default error handler strips them together with every other header.
app.use(cors({ origin: '{{origin}}', keepHeadersOnError: true }));
app.use(authenticate); // ctx.throw(401) here still gets Access-Control-Allow-Origin
app.use(router.routes());`,
  },
  nestjs: {
    summary:
      'Call app.enableCors() right after NestFactory.create() and before any app.use(), so guard 401s and exception-filter responses carry the headers.',
    language: 'ts',
    code: `const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['{{origin}}'] }); // first middleware: runs before guards, pipes and filters
// every other app.use(...) goes after this line
// An UnauthorizedException from a guard, or any exception filter's reply, now keeps the headers.
await app.listen(3000);`,
  },
  nextjs: {
    summary:
      'Set the CORS headers in next.config.js headers(), which Next.js applies to every response on the path, error responses included.',
    language: 'js',
    code: `// next.config.js: also on 401s and 500s from route handlers, unlike headers added on their
// success path. Set the header here only, not in the handlers as well.
module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [{ key: 'Access-Control-Allow-Origin', value: '{{origin}}' }],
      },
    ];
  },
};`,
  },
  django: {
    summary:
      'Put CorsMiddleware at the top of MIDDLEWARE, above CommonMiddleware and anything that can answer early, so 401/403/404/500 responses get the headers.',
    language: 'python',
    code: `MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",  # first: it also decorates error responses
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # if you use WhiteNoise
    "django.middleware.common.CommonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",  # its 403s now carry the CORS headers
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # ...
]
CORS_ALLOWED_ORIGINS = ["{{origin}}"]`,
  },
  flask: {
    summary:
      'Initialise flask-cors for the whole app with CORS(app) instead of @cross_origin on single views, so aborts, 404s and error handlers get the headers too.',
    language: 'python',
    code: `from flask_cors import CORS

app = Flask(__name__)
# App-wide: flask-cors adds the headers to every response, error handlers and aborts from
# before_request hooks included, which a @cross_origin() view decorator never sees
CORS(app, origins=["{{origin}}"])


@app.errorhandler(401)
def unauthorized(error):
    return {"error": "unauthorized"}, 401  # goes out with Access-Control-Allow-Origin`,
  },
  fastapi: {
    summary:
      'Add CORSMiddleware last so it is the outermost middleware, and turn unhandled exceptions into responses inside it, because Starlette sends its own 500 from outside every user middleware.',
    language: 'python',
    code: `import logging
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse


@app.middleware("http")  # added before CORSMiddleware, so it runs inside it
async def unhandled_errors(request, call_next):
    try:
        return await call_next(request)
    except Exception:
        logging.exception("unhandled error")
        return JSONResponse({"detail": "Internal Server Error"}, status_code=500)

# Added last = outermost: covers these 500s, HTTPException 401/404s and middleware added before it
app.add_middleware(CORSMiddleware, allow_origins=["{{origin}}"], allow_methods=["*"], allow_headers=["*"])`,
  },
  spring: {
    summary:
      'Enable CORS in the Spring Security filter chain with http.cors(), so its CorsFilter runs before authentication and 401/403 responses carry the headers.',
    language: 'java',
    code: `@Bean
SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http.cors(Customizer.withDefaults()) // CorsFilter before the auth filters: 401/403 keep the headers
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated()).build();
}
@Bean
CorsConfigurationSource corsConfigurationSource() { // used by cors(withDefaults())
    var config = new CorsConfiguration();
    config.setAllowedOrigins(List.of("{{origin}}"));
    config.setAllowedMethods(List.of("*")); // Spring echoes the requested method/headers
    config.setAllowedHeaders(List.of("*"));
    var source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", config);
    return source;
}`,
  },
  aspnet: {
    summary:
      'Call UseCors after UseRouting and before UseAuthentication/UseAuthorization, so 401/403 challenges and exception-handler responses carry the headers.',
    language: 'csharp',
    code: `builder.Services.AddCors(o => o.AddPolicy("frontend", p =>
    p.WithOrigins("{{origin}}").AllowAnyHeader().AllowAnyMethod()));

var app = builder.Build();
app.UseExceptionHandler("/error"); // re-runs the pipeline below, CORS included
app.UseRouting();
app.UseCors("frontend");           // before auth: 401/403 challenges get the headers
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();`,
  },
  rails: {
    summary:
      'Insert Rack::Cors at position 0 of the middleware stack, so Warden/Devise 401s and exception pages pass through it.',
    language: 'ruby',
    code: `# config/initializers/cors.rb: first in the stack, so every response passes through it,
# Warden/Devise 401s and the error pages from ActionDispatch::ShowExceptions included
Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins "{{origin}}"
    resource "*", headers: :any, methods: [:get, :post, :put, :patch, :delete, :options, :head]
  end
end`,
  },
  go: {
    summary:
      'Wrap the whole handler chain in the CORS handler, outside auth and recovery middleware, so 401s, http.Error replies and recovered panics carry the headers.',
    language: 'go',
    code: `c := cors.New(cors.Options{AllowedOrigins: []string{"{{origin}}"}})

// Outermost: rs/cors sets the headers before calling the next handler, so whatever
// requireAuth (401) or the handlers (http.Error, 500) write afterwards keeps them.
handler := c.Handler(recoverPanics(requireAuth(mux)))
log.Fatal(http.ListenAndServe(":8080", handler))`,
  },
  nginx: {
    summary: 'Add "always" to every CORS add_header, because without it nginx drops them from 4xx/5xx responses.',
    language: 'nginx',
    code: `location {{path}} {
    proxy_pass http://backend;
    # Without "always", add_header only applies to 2xx/3xx responses, so the app's 401s
    # and nginx's own 502/504 went out without CORS headers.
    proxy_hide_header Access-Control-Allow-Origin;  # nginx owns the header: no second copy from the app
    add_header Access-Control-Allow-Origin "{{origin}}" always;
}`,
  },
  apache: {
    summary: 'Use "Header always set" for the CORS headers, because plain "Header set" only reaches 2xx responses.',
    language: 'apache',
    code: `<Location "{{path}}">
    # "always" also covers 4xx/5xx: the backend's errors, Apache's own error pages, proxy 502s
    Header unset Access-Control-Allow-Origin
    Header always set Access-Control-Allow-Origin "{{origin}}"
</Location>`,
  },
  caddy: {
    summary:
      'Set the CORS headers in handle_errors as well, because Caddy serves its own errors (502, 504, 404) through the error routes, not the normal ones.',
    language: 'caddy',
    code: `(cors) {
    header Access-Control-Allow-Origin "{{origin}}"
}

api.example.com {
    import cors
    reverse_proxy localhost:8080  # the app's own 4xx/5xx get the header from the line above

    handle_errors {
        import cors  # Caddy-generated errors: upstream down (502), timeouts (504)
        respond "{err.status_code} {err.status_text}"
    }
}`,
  },
  cloudflare: {
    summary:
      'Add the CORS headers in a Worker that wraps every origin response, so 4xx/5xx and failed origin fetches carry them too.',
    language: 'js',
    code: `export default {
  async fetch(request) {
    let upstream;
    try {
      upstream = await fetch(request);
    } catch {
      upstream = new Response('Origin unreachable', { status: 502 });
    }
    const response = new Response(upstream.body, upstream); // mutable copy, same status
    response.headers.set('Access-Control-Allow-Origin', '{{origin}}');
    return response;
  },
};`,
  },
  'aws-api-gateway': {
    summary:
      "Add the CORS headers to the DEFAULT_4XX and DEFAULT_5XX gateway responses, and return them from your Lambda's error responses too.",
    language: 'yaml',
    code: `# SAM, REST API: API Gateway's own errors (authorizer 401/403, throttling 429, timeouts 504)
Api:
  Type: AWS::Serverless::Api
  Properties:
    StageName: prod
    GatewayResponses:
      DEFAULT_4XX:
        ResponseParameters:
          Headers:
            Access-Control-Allow-Origin: "'{{origin}}'"
      DEFAULT_5XX:
        ResponseParameters:
          Headers:
            Access-Control-Allow-Origin: "'{{origin}}'"
# Lambda proxy integration: put the header in the error responses your function returns`,
  },
  cloudfront: {
    summary:
      'Let a response headers policy add the CORS headers, so CloudFront puts them on every response of the behavior, cached errors included.',
    language: 'yaml',
    code: `ApiCors:
  Type: AWS::CloudFront::ResponseHeadersPolicy
  Properties:
    ResponseHeadersPolicyConfig:
      Name: api-cors
      CorsConfig:
        AccessControlAllowOrigins: { Items: ["{{origin}}"] }
        AccessControlAllowMethods: { Items: [{{methods}}] }
        AccessControlAllowHeaders: { Items: [{{headers}}] }
        AccessControlAllowCredentials: false  # true if the page sends cookies
        OriginOverride: true  # CloudFront's headers on every response, origin 4xx/5xx included
# Attach it to the cache behavior: ResponseHeadersPolicyId: !Ref ApiCors
# and keep errors short-lived: CustomErrorResponses with ErrorCachingMinTTL: 0`,
  },
};
