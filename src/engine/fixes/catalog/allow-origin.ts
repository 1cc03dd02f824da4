import type { TopicCatalog } from '../topics';

export const allowOrigin: TopicCatalog = {
  express: {
    summary: 'Enable the cors middleware with an explicit allowlist, before your routes.',
    language: 'js',
    code: `import cors from 'cors';

// exact origins: scheme, host and port, no trailing slash
app.use(cors({ origin: ['{{origin}}'] })); // before app.use(router)`,
  },
  fastify: {
    summary: 'Register @fastify/cors on the root instance with the allowed origins.',
    language: 'js',
    code: `import cors from '@fastify/cors';

// reflects the request Origin only when it is in the list
await fastify.register(cors, { origin: ['{{origin}}'] });`,
  },
  koa: {
    summary: 'Give @koa/cors an origin function that returns the Origin only when it is on your allowlist.',
    language: 'js',
    code: `import cors from '@koa/cors';

const allowed = new Set(['{{origin}}']);
// without an origin option @koa/cors reflects any Origin; a falsy return sends no CORS headers
app.use(cors({ origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : '') }));`,
  },
  nestjs: {
    summary: 'Pass an explicit origin allowlist to app.enableCors() in main.ts, before app.listen().',
    language: 'ts',
    code: `// main.ts
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['{{origin}}'] });
await app.listen(process.env.PORT ?? 3000);`,
  },
  nextjs: {
    summary:
      'Send Access-Control-Allow-Origin for the page origin on your API routes with headers() in next.config.js.',
    language: 'js',
    code: `// next.config.js
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
      'Install django-cors-headers, put CorsMiddleware at the top of MIDDLEWARE and list the page origin in CORS_ALLOWED_ORIGINS.',
    language: 'python',
    code: `# settings.py
INSTALLED_APPS = [
    # ...
    "corsheaders",
]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",  # as high as possible, before CommonMiddleware
    "django.middleware.common.CommonMiddleware",
    # ...
]
CORS_ALLOWED_ORIGINS = ["{{origin}}"]  # scheme://host[:port], no path or trailing slash`,
  },
  flask: {
    summary: 'Initialize flask-cors with an explicit origins list.',
    language: 'python',
    code: `from flask_cors import CORS

CORS(app, origins=["{{origin}}"])  # or per path: resources={r"/api/*": {"origins": [...]}}`,
  },
  fastapi: {
    summary: 'Add CORSMiddleware with the page origin in allow_origins.',
    language: 'python',
    code: `from fastapi.middleware.cors import CORSMiddleware

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{origin}}"],  # exact match: scheme, host and port
)`,
  },
  spring: {
    summary: 'Register a global CORS mapping with allowedOrigins in a WebMvcConfigurer.',
    language: 'java',
    code: `@Configuration
public class CorsConfig implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**").allowedOrigins("{{origin}}");
    }
}
// with Spring Security, also enable http.cors(Customizer.withDefaults())`,
  },
  aspnet: {
    summary: 'Add a CORS policy with WithOrigins and call app.UseCors() after UseRouting and before UseAuthorization.',
    language: 'csharp',
    code: `builder.Services.AddCors(options =>
    options.AddDefaultPolicy(policy => policy.WithOrigins("{{origin}}")));

var app = builder.Build();
app.UseRouting();
app.UseCors(); // after UseRouting, before UseAuthentication and UseAuthorization
app.UseAuthorization();`,
  },
  rails: {
    summary: 'Insert rack-cors at the top of the middleware stack and list the page origin in origins.',
    language: 'ruby',
    code: `# Gemfile: gem "rack-cors"
# config/initializers/cors.rb
Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins '{{origin}}'
    resource '*', headers: :any, methods: %i[get post put patch delete options head]
  end
end`,
  },
  go: {
    summary: 'Wrap your handler with rs/cors and list the page origin in AllowedOrigins.',
    language: 'go',
    code: `import "github.com/rs/cors"

c := cors.New(cors.Options{
	AllowedOrigins: []string{"{{origin}}"},
})
log.Fatal(http.ListenAndServe(":8080", c.Handler(mux)))`,
  },
  nginx: {
    summary: 'Echo the Origin only when it is on the allowlist, on every response.',
    language: 'nginx',
    code: `map $http_origin $cors_origin {
    default "";
    "{{origin}}" $http_origin;
}
server {
    location {{path}} {
        # an empty value means nginx sends no header
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Vary Origin always;
    }
}`,
  },
  apache: {
    summary: 'Set Access-Control-Allow-Origin with mod_headers only when the request Origin is on your allowlist.',
    language: 'apache',
    code: `# mod_headers, in the <VirtualHost> or .htaccess that serves the API
<If "%{HTTP:Origin} == '{{origin}}'">
    Header always set Access-Control-Allow-Origin "{{origin}}"
</If>
Header always merge Vary Origin`,
  },
  caddy: {
    summary: 'Match the allowed Origin with a header matcher and set Access-Control-Allow-Origin for it.',
    language: 'caddy',
    code: `# in the API's site block
@allowed header Origin {{origin}}
header @allowed Access-Control-Allow-Origin "{{origin}}"
header +Vary Origin
reverse_proxy localhost:8080`,
  },
  cloudflare: {
    summary:
      'Add a Response Header Transform Rule that sets Access-Control-Allow-Origin when the request comes from the page origin.',
    language: 'text',
    code: `Rules → Overview → Create rule → Response Header Transform Rule
When incoming requests match (Expression Editor):
  any(http.request.headers["origin"][*] eq "{{origin}}")
Then modify response header:
  Set static   Access-Control-Allow-Origin = {{origin}}
  Add static   Vary = Origin`,
  },
  'aws-api-gateway': {
    summary:
      'List the page origin in the HTTP API CorsConfiguration, or return the header from your Lambda with a REST proxy integration.',
    language: 'yaml',
    code: `# SAM, HTTP API: API Gateway adds the header and ignores CORS headers from the backend
Api:
  Type: AWS::Serverless::HttpApi
  Properties:
    CorsConfiguration:
      AllowOrigins:
        - '{{origin}}'
# REST API with Lambda proxy integration: the function itself must return
# "Access-Control-Allow-Origin: {{origin}}" in its response headers`,
  },
  cloudfront: {
    summary: 'Attach a response headers policy whose CORS config lists the page origin to the API cache behavior.',
    language: 'yaml',
    code: `ApiCorsPolicy:
  Type: AWS::CloudFront::ResponseHeadersPolicy
  Properties:
    ResponseHeadersPolicyConfig:
      Name: api-cors
      CorsConfig:
        AccessControlAllowOrigins: { Items: ['{{origin}}'] }
        AccessControlAllowMethods: { Items: [{{methods}}] }
        AccessControlAllowHeaders: { Items: [{{headers}}] }
        AccessControlAllowCredentials: false
        OriginOverride: true
# then on the cache behavior: ResponseHeadersPolicyId: !Ref ApiCorsPolicy`,
  },
};
