import type { TopicCatalog } from '../topics';

// Routers usually have no OPTIONS route: the preflight gets 404/405, or an automatic answer with only
// an Allow header. Every API path must answer OPTIONS with a 2xx status and the CORS headers.
export const optionsRoute: TopicCatalog = {
  express: {
    summary:
      'Mount cors() app-wide so every path answers OPTIONS with 204, or add app.options() for routes that use it per route.',
    language: 'js',
    code: `const corsOptions = { origin: ['{{origin}}'], methods: '{{methods}}', allowedHeaders: '{{headers}}' };

// app-wide: answers OPTIONS on every path with 204, so no route needs its own OPTIONS handler
app.use(cors(corsOptions));
// if cors() is attached to individual routes instead, give each one its preflight route too:
app.options('{{path}}', cors(corsOptions));`,
  },
  fastify: {
    summary: 'Register @fastify/cors once on the root instance so its OPTIONS route answers preflights on every path.',
    language: 'js',
    code: `import cors from '@fastify/cors';

// adds an OPTIONS * route and replies 204 to every preflight (preflight: true is the default)
await fastify.register(cors, {
  origin: ['{{origin}}'],
  methods: '{{methods}}',
  allowedHeaders: '{{headers}}',
});`,
  },
  koa: {
    summary: 'Mount @koa/cors before the router so it answers every preflight instead of allowedMethods().',
    language: 'js',
    code: `import cors from '@koa/cors';

// before the router: answers every preflight with 204, on any path
app.use(cors({ origin: '{{origin}}', allowMethods: '{{methods}}', allowHeaders: '{{headers}}' }));
app.use(router.routes());
app.use(router.allowedMethods()); // on its own it answers OPTIONS with only an Allow header`,
  },
  nestjs: {
    summary: 'Enable CORS app-wide in main.ts so every route answers OPTIONS with 204 without an @Options() handler.',
    language: 'ts',
    code: `// main.ts: app-wide CORS answers the preflight for every route, so controllers need no @Options()
const app = await NestFactory.create(AppModule, {
  cors: { origin: ['{{origin}}'], methods: '{{methods}}', allowedHeaders: '{{headers}}' },
});
await app.listen(process.env.PORT ?? 3000);`,
  },
  nextjs: {
    summary: 'Export an OPTIONS handler from each route.ts that returns 204 with the CORS headers.',
    language: 'ts',
    code: `// app/api/.../route.ts: without an OPTIONS export Next.js answers with only an Allow header
const corsHeaders = {
  'Access-Control-Allow-Origin': '{{origin}}',
  'Access-Control-Allow-Methods': '{{methods}}',
  'Access-Control-Allow-Headers': '{{headers}}',
};

export function OPTIONS() {
  return new Response(null, { status: 204, headers: corsHeaders });
}

export async function GET() {
  return Response.json({ ok: true }, { headers: corsHeaders });
}`,
  },
  django: {
    summary:
      'Let CorsMiddleware answer preflights for every URL, since Django views have no OPTIONS handling of their own.',
    language: 'python',
    code: `# settings.py: CorsMiddleware answers every preflight itself (200, empty body) before URL routing
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ...
]
CORS_ALLOWED_ORIGINS = ["{{origin}}"]
# if you set CORS_URLS_REGEX, it must match {{path}} (the default matches every path)`,
  },
  flask: {
    summary:
      "Apply flask-cors to the whole app so Flask's automatic OPTIONS answer carries the CORS headers on every route.",
    language: 'python',
    code: `from flask_cors import CORS

# flask-cors adds the CORS headers to Flask's automatic OPTIONS response on every route
CORS(
    app,
    origins=["{{origin}}"],
    methods="{{methods}}".split(", "),
    allow_headers="{{headers}}".split(", "),
)
# with resources={...}, one of the patterns must match {{path}}`,
  },
  fastapi: {
    summary: 'Add CORSMiddleware, which answers preflights before routing, instead of OPTIONS routes that return 405.',
    language: 'python',
    code: `from fastapi.middleware.cors import CORSMiddleware

# answers every preflight (200) before routing; without it FastAPI returns 405 for OPTIONS
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{origin}}"],
    allow_methods="{{methods}}".split(", "),
    allow_headers="{{headers}}".split(", "),
)`,
  },
  spring: {
    summary:
      'Register a global CORS mapping so Spring MVC answers preflights for every handler without OPTIONS mappings.',
    language: 'java',
    code: `@Configuration
public class CorsConfig implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // Spring MVC answers preflights for every mapped handler from this config;
        // no @RequestMapping(method = OPTIONS) needed (with Spring Security, also enable http.cors())
        registry.addMapping("/**")
            .allowedOrigins("{{origin}}")
            .allowedMethods("{{methods}}".split(", "))
            .allowedHeaders("{{headers}}".split(", "));
    }
}`,
  },
  aspnet: {
    summary:
      'Apply a default CORS policy with app.UseCors() so every endpoint answers preflights with 204, without [HttpOptions] actions.',
    language: 'csharp',
    code: `builder.Services.AddCors(options =>
    options.AddDefaultPolicy(policy => policy
        .WithOrigins("{{origin}}")
        .WithMethods("{{methods}}".Split(", "))
        .WithHeaders("{{headers}}".Split(", "))));

var app = builder.Build();
app.UseRouting();
app.UseCors(); // default policy on every endpoint: preflights get 204
app.UseAuthorization();
app.MapControllers();`,
  },
  rails: {
    summary:
      'Let rack-cors answer preflights in front of the router, since Rails routes have no OPTIONS routes and return 404.',
    language: 'ruby',
    code: `# config/initializers/cors.rb: rack-cors answers preflights before the router (which would 404)
Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins '{{origin}}'
    # the resource pattern must cover {{path}}
    resource '*', headers: :any, methods: %i[get post put patch delete options head]
  end
end`,
  },
  go: {
    summary:
      'Wrap the mux in a middleware that answers every preflight with 204, since method-specific ServeMux patterns answer OPTIONS with 405.',
    language: 'go',
    code: `func withCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "{{origin}}")
		h.Add("Vary", "Origin")
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", "{{methods}}")
			h.Set("Access-Control-Allow-Headers", "{{headers}}")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
// http.ListenAndServe(":8080", withCORS(mux)); or wrap with github.com/rs/cors`,
  },
  nginx: {
    summary: 'Answer OPTIONS in nginx with 204 and the CORS headers, whatever the upstream does with OPTIONS.',
    language: 'nginx',
    code: `location {{path}} {
    if ($request_method = OPTIONS) {
        add_header Access-Control-Allow-Origin "{{origin}}" always;
        add_header Access-Control-Allow-Methods "{{methods}}" always;
        add_header Access-Control-Allow-Headers "{{headers}}" always;
        add_header Access-Control-Max-Age 7200 always;
        return 204;
    }
    add_header Access-Control-Allow-Origin "{{origin}}" always;
    proxy_pass http://backend;
}`,
  },
  apache: {
    summary: 'Answer every preflight with 204 via mod_rewrite and add the CORS headers with Header always set.',
    language: 'apache',
    code: `# in the <VirtualHost>: answer preflights here, before they reach a backend without an OPTIONS route
RewriteEngine On
RewriteCond %{REQUEST_METHOD} OPTIONS
RewriteCond %{HTTP:Access-Control-Request-Method} !^$
RewriteRule ^ - [R=204,L]
Header always set Access-Control-Allow-Origin "{{origin}}"
Header always set Access-Control-Allow-Methods "{{methods}}"
Header always set Access-Control-Allow-Headers "{{headers}}"
Header always set Access-Control-Max-Age "7200"`,
  },
  caddy: {
    summary: 'Match OPTIONS with @preflight and answer it with respond @preflight 204 plus the CORS headers.',
    language: 'caddy',
    code: `# in the API's site block: answer preflights here, whatever the upstream does with OPTIONS
@preflight method OPTIONS
header @preflight {
    Access-Control-Allow-Origin "{{origin}}"
    Access-Control-Allow-Methods "{{methods}}"
    Access-Control-Allow-Headers "{{headers}}"
    Access-Control-Max-Age 7200
}
respond @preflight 204
reverse_proxy localhost:8080`,
  },
  cloudflare: {
    summary:
      'Answer OPTIONS at the edge with a Worker on the API route and add the origin header to the other responses.',
    language: 'js',
    code: `export default {
  async fetch(request) {
    const cors = {
      'Access-Control-Allow-Origin': '{{origin}}',
      'Access-Control-Allow-Methods': '{{methods}}',
      'Access-Control-Allow-Headers': '{{headers}}',
      'Access-Control-Max-Age': '7200',
    };
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
    const upstream = await fetch(request);
    const response = new Response(upstream.body, upstream); // copy: fetched headers are immutable
    response.headers.set('Access-Control-Allow-Origin', '{{origin}}');
    return response;
  },
};`,
  },
  'aws-api-gateway': {
    summary: 'Turn on CORS for the API so API Gateway adds an OPTIONS answer on every path, then redeploy the stage.',
    language: 'yaml',
    code: `# SAM, REST API: Cors adds an OPTIONS method with a mock integration (no Lambda call) to every path
Api:
  Type: AWS::Serverless::Api
  Properties:
    StageName: prod
    Cors:
      AllowOrigin: "'{{origin}}'" # the inner single quotes are required
      AllowMethods: "'{{methods}}'"
      AllowHeaders: "'{{headers}}'"
# console: Resources → Enable CORS, then Deploy API (nothing changes until you deploy)
# HTTP API: set CorsConfiguration instead; API Gateway then answers preflights without an OPTIONS route`,
  },
  cloudfront: {
    summary:
      'Allow OPTIONS in the cache behavior and forward the CORS request headers so the origin can answer preflights.',
    language: 'yaml',
    code: `# the API's cache behavior: OPTIONS must be allowed, and the origin must answer it with 2xx
DefaultCacheBehavior:
  AllowedMethods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
  CachedMethods: [GET, HEAD] # cache OPTIONS only if Origin and Access-Control-Request-* are in the cache key
  # managed AllViewerExceptHostHeader: forwards Origin and Access-Control-Request-* to the origin
  OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
  ResponseHeadersPolicyId: !Ref ApiCorsPolicy # adds the CORS headers to the origin's answer`,
  },
};
