import type { TopicCatalog } from '../topics';

// Cookies (and browser-managed auth) only reach the page when the response carries
// Access-Control-Allow-Credentials: true together with the exact page origin, never a wildcard.
export const allowCredentials: TopicCatalog = {
  express: {
    summary:
      'Turn on credentials in cors() with an explicit origin, since cookie-bearing responses are blocked without Access-Control-Allow-Credentials: true.',
    language: 'js',
    code: `import cors from 'cors';

app.use(
  cors({
    origin: ['{{origin}}'], // echoed back exactly; a wildcard is rejected when credentials are on
    credentials: true, // Access-Control-Allow-Credentials: true
  }),
);
// page side: fetch(url, { credentials: 'include' }) sends the cookies`,
  },
  fastify: {
    summary: 'Set credentials: true in @fastify/cors with an explicit origin list so cookie-bearing requests succeed.',
    language: 'js',
    code: `import cors from '@fastify/cors';

await fastify.register(cors, {
  origin: ['{{origin}}'], // reflected exactly; never a wildcard with credentials
  credentials: true, // Access-Control-Allow-Credentials: true, which cookies need
});`,
  },
  koa: {
    summary: 'Set credentials: true in @koa/cors and return only allowlisted origins, so cookies are accepted.',
    language: 'js',
    code: `import cors from '@koa/cors';

const allowed = new Set(['{{origin}}']);
app.use(
  cors({
    origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''),
    credentials: true, // Access-Control-Allow-Credentials: true, which cookies need
  }),
);`,
  },
  nestjs: {
    summary: 'Enable CORS with credentials: true and an explicit origin list in main.ts.',
    language: 'ts',
    code: `// main.ts: cookies need both an exact origin and credentials: true
const app = await NestFactory.create(AppModule, {
  cors: { origin: ['{{origin}}'], credentials: true },
});`,
  },
  nextjs: {
    summary:
      'Send Access-Control-Allow-Credentials: true next to the exact page origin on your API routes with headers() in next.config.js.',
    language: 'js',
    code: `// next.config.js: a response to a request with cookies is only exposed with both headers
module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [
          { key: 'Access-Control-Allow-Origin', value: '{{origin}}' }, // exact origin, never a wildcard
          { key: 'Access-Control-Allow-Credentials', value: 'true' },
        ],
      },
    ];
  },
};`,
  },
  django: {
    summary:
      'Set CORS_ALLOW_CREDENTIALS = True with an explicit CORS_ALLOWED_ORIGINS list so the session cookie works.',
    language: 'python',
    code: `# settings.py (django-cors-headers)
CORS_ALLOWED_ORIGINS = ["{{origin}}"]  # explicit list; leave CORS_ALLOW_ALL_ORIGINS off
CORS_ALLOW_CREDENTIALS = True  # Access-Control-Allow-Credentials: true, which cookies need
CSRF_TRUSTED_ORIGINS = ["{{origin}}"]  # if the page POSTs with the session cookie`,
  },
  flask: {
    summary: 'Pass supports_credentials=True to flask-cors together with an explicit origins list.',
    language: 'python',
    code: `from flask_cors import CORS

# supports_credentials sends Access-Control-Allow-Credentials: true, which cookies need
CORS(app, origins=["{{origin}}"], supports_credentials=True)`,
  },
  fastapi: {
    summary: 'Set allow_credentials=True on CORSMiddleware and list the page origin explicitly in allow_origins.',
    language: 'python',
    code: `from fastapi.middleware.cors import CORSMiddleware

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{origin}}"],  # explicit origins, not a wildcard, when credentials are on
    allow_credentials=True,  # Access-Control-Allow-Credentials: true, which cookies need
)`,
  },
  spring: {
    summary: 'Call allowCredentials(true) on the CORS mapping with an explicit origin or allowedOriginPatterns.',
    language: 'java',
    code: `@Configuration
public class CorsConfig implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**")
            // allowedOrigins cannot be a wildcard with credentials; patterns echo the exact origin
            .allowedOriginPatterns("{{origin}}")
            .allowCredentials(true); // Access-Control-Allow-Credentials: true, which cookies need
    }
}`,
  },
  aspnet: {
    summary: 'Add AllowCredentials() to a policy that names the origin with WithOrigins, never AllowAnyOrigin.',
    language: 'csharp',
    code: `builder.Services.AddCors(options =>
    options.AddDefaultPolicy(policy => policy
        .WithOrigins("{{origin}}") // AllowAnyOrigin() cannot be combined with AllowCredentials()
        .AllowCredentials())); // Access-Control-Allow-Credentials: true, which cookies need

// later: app.UseCors() after UseRouting, before UseAuthentication and UseAuthorization`,
  },
  rails: {
    summary: 'Add credentials: true to the rack-cors resource and name the page origin explicitly.',
    language: 'ruby',
    code: `# config/initializers/cors.rb
Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins '{{origin}}' # rack-cors refuses credentials for a public (any-origin) resource
    resource '*',
             headers: :any,
             methods: %i[get post put patch delete options head],
             credentials: true # Access-Control-Allow-Credentials: true, which cookies need
  end
end`,
  },
  go: {
    summary: 'Set AllowCredentials: true in rs/cors with an explicit AllowedOrigins list.',
    language: 'go',
    code: `c := cors.New(cors.Options{
	// exact origins; never a wildcard with credentials
	AllowedOrigins: []string{"{{origin}}"},
	// Access-Control-Allow-Credentials: true, which cookies need
	AllowCredentials: true,
})
handler := c.Handler(mux)`,
  },
  nginx: {
    summary: 'Add Access-Control-Allow-Credentials: true next to the exact origin, with always so errors carry it too.',
    language: 'nginx',
    code: `location {{path}} {
    # cookies need both headers, and the origin must be exact (never a wildcard)
    add_header Access-Control-Allow-Origin "{{origin}}" always;
    add_header Access-Control-Allow-Credentials "true" always;
    proxy_pass http://backend;
}`,
  },
  apache: {
    summary: 'Set Access-Control-Allow-Credentials: true with mod_headers for the allowlisted origin only.',
    language: 'apache',
    code: `# mod_headers: cookies need the exact origin plus Allow-Credentials
<If "%{HTTP:Origin} == '{{origin}}'">
    Header always set Access-Control-Allow-Origin "{{origin}}"
    Header always set Access-Control-Allow-Credentials "true"
</If>
Header always merge Vary Origin`,
  },
  caddy: {
    summary:
      'Set Access-Control-Allow-Credentials: true alongside the exact origin for requests from the allowed Origin.',
    language: 'caddy',
    code: `# cookies need the exact origin plus Allow-Credentials
@allowed header Origin {{origin}}
header @allowed {
    Access-Control-Allow-Origin "{{origin}}"
    Access-Control-Allow-Credentials true
}
header +Vary Origin`,
  },
  cloudflare: {
    summary:
      'Set Access-Control-Allow-Credentials: true and the exact origin in a Response Header Transform Rule for requests from the page.',
    language: 'text',
    code: `Rules → Overview → Create rule → Response Header Transform Rule
When incoming requests match:
  any(http.request.headers["origin"][*] eq "{{origin}}")
Then modify response header:
  Set static   Access-Control-Allow-Origin = {{origin}}
  Set static   Access-Control-Allow-Credentials = true
  Add static   Vary = Origin
(cookies need both headers; the origin must be exact, never a wildcard)`,
  },
  'aws-api-gateway': {
    summary: 'Set AllowCredentials: true in the HTTP API CorsConfiguration with explicit AllowOrigins.',
    language: 'yaml',
    code: `# SAM, HTTP API
Api:
  Type: AWS::Serverless::HttpApi
  Properties:
    CorsConfiguration:
      AllowOrigins:
        - '{{origin}}' # exact origins; a wildcard never works with credentials
      AllowCredentials: true # Access-Control-Allow-Credentials: true, which cookies need
# REST API with Lambda proxy integration: return both headers from the function:
# Access-Control-Allow-Origin: {{origin}} and Access-Control-Allow-Credentials: true`,
  },
  cloudfront: {
    summary:
      'Set AccessControlAllowCredentials: true with explicit origins in the response headers policy, and forward cookies to the origin.',
    language: 'yaml',
    code: `ApiCorsPolicy:
  Type: AWS::CloudFront::ResponseHeadersPolicy
  Properties:
    ResponseHeadersPolicyConfig:
      Name: api-cors-credentials
      CorsConfig:
        AccessControlAllowOrigins: { Items: ['{{origin}}'] } # exact origins only
        AccessControlAllowCredentials: true
        AccessControlAllowMethods: { Items: [{{methods}}] }
        AccessControlAllowHeaders: { Items: [{{headers}}] }
        OriginOverride: true
# the behavior's origin request policy must also forward cookies (CookieBehavior: all)`,
  },
};
