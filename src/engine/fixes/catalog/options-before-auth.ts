import type { TopicCatalog } from '../topics';

// Browsers never send cookies or Authorization on a preflight, so an auth layer that sees the
// OPTIONS request answers 401/403 and the real request is never sent. CORS must answer it first.
export const optionsBeforeAuth: TopicCatalog = {
  express: {
    summary:
      'Register cors() before your authentication middleware so it answers preflights before the auth check runs.',
    language: 'js',
    code: `app.use(cors({ origin: ['{{origin}}'], credentials: true })); // answers OPTIONS with 204 and stops
app.use(requireAuth); // after cors: preflights, which carry no credentials, never reach it
app.use('/api', apiRouter);`,
  },
  fastify: {
    summary: 'Register @fastify/cors before your auth hook, and let OPTIONS through in the hook itself.',
    language: 'js',
    code: `// @fastify/cors replies to preflights in its own onRequest hook, so register it first
await fastify.register(cors, { origin: ['{{origin}}'], credentials: true });

fastify.addHook('onRequest', async (request) => {
  if (request.method === 'OPTIONS') return; // preflights carry no credentials
  await request.jwtVerify();
});`,
  },
  koa: {
    summary: 'Mount @koa/cors before the authentication middleware; it answers preflights without calling next().',
    language: 'js',
    code: `app.use(cors({ origin: '{{origin}}', credentials: true })); // answers preflights with 204 and stops
app.use(authenticate); // after cors: preflights, which carry no credentials, never reach it
app.use(router.routes());`,
  },
  nestjs: {
    summary:
      'Enable CORS through the NestFactory.create() cors option so it runs before any middleware, guard or app.use().',
    language: 'ts',
    code: `// main.ts: the cors option installs CORS before everything else, so it answers preflights
// before auth middleware and guards run (preflights carry no credentials)
const app = await NestFactory.create(AppModule, {
  cors: { origin: ['{{origin}}'], credentials: true },
});
app.use(authMiddleware); // registered after CORS
await app.listen(process.env.PORT ?? 3000);`,
  },
  nextjs: {
    summary: 'Answer OPTIONS in proxy.ts (middleware.ts before Next.js 16) before any session or token check.',
    language: 'ts',
    code: `// proxy.ts (before Next.js 16: middleware.ts with export function middleware)
import { NextResponse, type NextRequest } from 'next/server';

const preflightHeaders = {
  'Access-Control-Allow-Origin': '{{origin}}',
  'Access-Control-Allow-Methods': '{{methods}}',
  'Access-Control-Allow-Headers': '{{headers}}',
};

export function proxy(request: NextRequest) {
  // preflights carry no cookies or Authorization: answer them before the auth check
  if (request.method === 'OPTIONS') return new NextResponse(null, { status: 204, headers: preflightHeaders });
  // ...session or token check for everything else
}`,
  },
  django: {
    summary:
      'Put CorsMiddleware first in MIDDLEWARE so it answers preflights before session, auth or login-required middleware runs.',
    language: 'python',
    code: `# settings.py: CorsMiddleware answers preflights itself; nothing below it sees them
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # ...login-required or token middleware also below CorsMiddleware
]`,
  },
  flask: {
    summary: 'Skip OPTIONS in before_request authentication hooks so flask-cors can answer the preflight.',
    language: 'python',
    code: `from flask import request


@app.before_request
def authenticate():
    # preflights carry no cookies or Authorization header; let flask-cors answer them
    if request.method == "OPTIONS":
        return None
    ...  # your existing session or token check`,
  },
  fastapi: {
    summary:
      'Add CORSMiddleware last so it is the outermost middleware and answers preflights before your auth middleware.',
    language: 'python',
    code: `# the middleware added LAST runs FIRST
app.add_middleware(AuthMiddleware)
app.add_middleware(
    CORSMiddleware,  # outermost: answers preflights before AuthMiddleware sees them
    allow_origins=["{{origin}}"],
    allow_credentials=True,
    allow_methods="{{methods}}".split(", "),
    allow_headers="{{headers}}".split(", "),
)
# auth done with Depends() runs inside the route, which preflights never reach`,
  },
  spring: {
    summary:
      'Enable http.cors() in the Spring Security filter chain so CorsFilter answers preflights before authentication.',
    language: 'java',
    code: `@Bean
SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http
        // CorsFilter runs before the authentication filters and answers preflights, using your
        // CorsConfigurationSource bean or, without one, the Spring MVC addCorsMappings() config
        .cors(Customizer.withDefaults())
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .build();
}`,
  },
  aspnet: {
    summary: 'Call app.UseCors() after UseRouting and before UseAuthentication and UseAuthorization.',
    language: 'csharp',
    code: `var app = builder.Build();
app.UseRouting();
app.UseCors(); // answers preflights with 204 before authentication runs
app.UseAuthentication(); // preflights carry no token or cookie
app.UseAuthorization();
app.MapControllers();`,
  },
  rails: {
    summary: 'Insert Rack::Cors at position 0 so it answers preflights before Warden, Devise or any before_action.',
    language: 'ruby',
    code: `# config/initializers/cors.rb: position 0 puts rack-cors ahead of Warden/Devise and every
# before_action, so preflights (which carry no cookies or tokens) are answered before auth runs
Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins '{{origin}}'
    resource '*', headers: :any, methods: %i[get post put patch delete options head], credentials: true
  end
end`,
  },
  go: {
    summary: 'Make rs/cors the outermost handler so it answers preflights before your auth middleware runs.',
    language: 'go',
    code: `// rs/cors answers preflights itself and does not call the wrapped handler
c := cors.New(cors.Options{
	AllowedOrigins:   []string{"{{origin}}"},
	AllowedMethods:   strings.Split("{{methods}}", ", "),
	AllowedHeaders:   strings.Split("{{headers}}", ", "),
	AllowCredentials: true,
})
handler := c.Handler(requireAuth(mux)) // not requireAuth(c.Handler(mux))
log.Fatal(http.ListenAndServe(":8080", handler))`,
  },
  nginx: {
    summary: 'Answer OPTIONS with return 204 in the location, which runs before auth_request or auth_basic.',
    language: 'nginx',
    code: `location {{path}} {
    # "return" runs in the rewrite phase, before auth_request/auth_basic see the credential-less preflight
    if ($request_method = OPTIONS) {
        add_header Access-Control-Allow-Origin "{{origin}}" always;
        add_header Access-Control-Allow-Methods "{{methods}}" always;
        add_header Access-Control-Allow-Headers "{{headers}}" always;
        add_header Access-Control-Allow-Credentials "true" always;
        return 204;
    }
    auth_request /auth;
    proxy_pass http://backend;
}`,
  },
  apache: {
    summary: 'Grant OPTIONS without authentication with Require method OPTIONS and answer it with 204 via mod_rewrite.',
    language: 'apache',
    code: `<Location "{{path}}">
    # preflights carry no credentials: let OPTIONS through, authenticate everything else
    <RequireAny>
        Require method OPTIONS
        Require valid-user
    </RequireAny>
</Location>
# in the <VirtualHost>: answer the preflight (CORS headers from "Header always set")
RewriteEngine On
RewriteCond %{REQUEST_METHOD} OPTIONS
RewriteRule ^ - [R=204,L]`,
  },
  caddy: {
    summary:
      'Answer OPTIONS with 204 and the CORS headers, and apply forward_auth or basic_auth only to other methods.',
    language: 'caddy',
    code: `@preflight method OPTIONS
header @preflight {
    Access-Control-Allow-Origin "{{origin}}"
    Access-Control-Allow-Methods "{{methods}}"
    Access-Control-Allow-Headers "{{headers}}"
}
respond @preflight 204

# preflights carry no credentials: authenticate everything else
@authenticated not method OPTIONS
forward_auth @authenticated auth-service:9091 {
    uri /verify
}
reverse_proxy localhost:8080`,
  },
  cloudflare: {
    summary:
      'Let preflights bypass Cloudflare Access, or have Access answer them, since they never carry the Access cookie.',
    language: 'text',
    code: `Zero Trust → Access → Applications → (the API's application) → Edit → Settings → CORS settings
Access answers credential-less preflights with 403. Either:
  • turn on "Bypass options requests to origin" (your origin then answers the preflight), or
  • let Access answer preflights: Access-Control-Allow-Origin = {{origin}},
    Access-Control-Allow-Methods = {{methods}}, Access-Control-Allow-Headers = {{headers}},
    Access-Control-Allow-Credentials = on
Also check that no WAF custom rule blocks the OPTIONS method.`,
  },
  'aws-api-gateway': {
    summary:
      'Give preflights an OPTIONS route with no authorizer, or keep the default authorizer off the REST API preflight.',
    language: 'yaml',
    code: `# HTTP API: a $default or ANY /{proxy+} route with an authorizer also catches preflights;
# an OPTIONS route without authorization takes precedence over it
PreflightRoute:
  Type: AWS::ApiGatewayV2::Route
  Properties:
    ApiId: !Ref HttpApi
    RouteKey: OPTIONS /{proxy+}
    AuthorizationType: NONE
    Target: !Sub integrations/\${ApiIntegration}
# REST API (SAM): under Auth, set AddDefaultAuthorizerToCorsPreflight: false`,
  },
  cloudfront: {
    summary:
      'Let OPTIONS through any CloudFront Function or Lambda@Edge that authenticates viewers, since preflights carry no credentials.',
    language: 'js',
    code: `// CloudFront Function (viewer request) that checks auth: pass preflights through untouched
function handler(event) {
  var request = event.request;
  if (request.method === 'OPTIONS') return request; // no cookies or Authorization on preflights
  if (!request.headers.authorization) {
    return { statusCode: 401, statusDescription: 'Unauthorized' };
  }
  return request;
}`,
  },
};
