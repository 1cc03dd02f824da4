import type { TopicCatalog } from '../topics';

// The preflight answer must name the method (compared case-sensitively) and every non-safelisted
// request header the page sends; Authorization must be named, and "*" is not a wildcard with credentials.
export const allowMethodsHeaders: TopicCatalog = {
  express: {
    summary: 'List the methods and request headers the page uses in the cors options.',
    language: 'js',
    code: `app.use(
  cors({
    origin: ['{{origin}}'],
    methods: '{{methods}}', // upper case, exactly as the page sends them
    allowedHeaders: '{{headers}}', // name Authorization explicitly
    maxAge: 7200, // seconds the browser may cache this preflight
  }),
);`,
  },
  fastify: {
    summary:
      'Set methods and allowedHeaders in @fastify/cors to what the page sends instead of relying on the defaults.',
    language: 'js',
    code: `await fastify.register(cors, {
  origin: ['{{origin}}'],
  methods: '{{methods}}', // upper case, exactly as the page sends them
  allowedHeaders: '{{headers}}', // name Authorization explicitly
  maxAge: 7200,
});`,
  },
  koa: {
    summary: 'Set allowMethods and allowHeaders in @koa/cors to the methods and headers the page sends.',
    language: 'js',
    code: `app.use(
  cors({
    origin: '{{origin}}',
    allowMethods: '{{methods}}', // upper case, exactly as the page sends them
    allowHeaders: '{{headers}}', // name Authorization explicitly
    maxAge: 7200,
  }),
);`,
  },
  nestjs: {
    summary: 'Pass methods and allowedHeaders to app.enableCors() for what the page sends.',
    language: 'ts',
    code: `app.enableCors({
  origin: ['{{origin}}'],
  methods: '{{methods}}', // upper case, exactly as the page sends them
  allowedHeaders: '{{headers}}', // name Authorization explicitly
  maxAge: 7200,
});`,
  },
  nextjs: {
    summary:
      'Add Access-Control-Allow-Methods and Access-Control-Allow-Headers to the API routes with headers() in next.config.js.',
    language: 'js',
    code: `// next.config.js
module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [
          { key: 'Access-Control-Allow-Origin', value: '{{origin}}' },
          { key: 'Access-Control-Allow-Methods', value: '{{methods}}' }, // upper case
          { key: 'Access-Control-Allow-Headers', value: '{{headers}}' }, // name Authorization
        ],
      },
    ];
  },
};`,
  },
  django: {
    summary:
      'Set CORS_ALLOW_METHODS and extend CORS_ALLOW_HEADERS from corsheaders.defaults with the headers the page sends.',
    language: 'python',
    code: `# settings.py (django-cors-headers answers the preflight from these lists)
from corsheaders.defaults import default_headers

CORS_ALLOW_METHODS = "{{methods}}".split(", ")  # upper case, as the browser sends them
CORS_ALLOW_HEADERS = (*default_headers, *"{{headers}}".split(", "))  # default_headers has authorization`,
  },
  flask: {
    summary: 'Pass methods and allow_headers to flask-cors for what the page sends.',
    language: 'python',
    code: `from flask_cors import CORS

CORS(
    app,
    origins=["{{origin}}"],
    methods="{{methods}}".split(", "),
    allow_headers="{{headers}}".split(", "),  # name Authorization explicitly
    max_age=7200,
)`,
  },
  fastapi: {
    summary:
      'Set allow_methods and allow_headers on CORSMiddleware, whose defaults allow only GET and the safelisted headers.',
    language: 'python',
    code: `app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{origin}}"],
    allow_methods="{{methods}}".split(", "),  # the default is GET only
    allow_headers="{{headers}}".split(", "),  # the default is only the CORS-safelisted headers
    max_age=7200,
)`,
  },
  spring: {
    summary:
      'Add allowedMethods and allowedHeaders to the CORS mapping, since the default methods are only GET, HEAD and POST.',
    language: 'java',
    code: `@Override
public void addCorsMappings(CorsRegistry registry) {
    registry.addMapping("/**")
        .allowedOrigins("{{origin}}")
        .allowedMethods("{{methods}}".split(", ")) // the default is GET, HEAD, POST
        .allowedHeaders("{{headers}}".split(", "))
        .maxAge(7200);
}`,
  },
  aspnet: {
    summary: 'Add WithMethods and WithHeaders to the CORS policy for what the page sends.',
    language: 'csharp',
    code: `builder.Services.AddCors(options =>
    options.AddDefaultPolicy(policy => policy
        .WithOrigins("{{origin}}")
        .WithMethods("{{methods}}".Split(", "))
        .WithHeaders("{{headers}}".Split(", ")) // name Authorization explicitly
        .SetPreflightMaxAge(TimeSpan.FromHours(2))));`,
  },
  rails: {
    summary: 'List the methods and headers the page sends on the rack-cors resource.',
    language: 'ruby',
    code: `Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins '{{origin}}'
    resource '*',
             methods: '{{methods}}'.downcase.split(', '), # rack-cors compares lower-case names
             headers: '{{headers}}'.split(', '), # or :any to accept every requested header
             max_age: 7200
  end
end`,
  },
  go: {
    summary:
      'Set AllowedMethods and AllowedHeaders in rs/cors, whose defaults omit PUT, PATCH, DELETE and Authorization.',
    language: 'go',
    code: `c := cors.New(cors.Options{
	AllowedOrigins: []string{"{{origin}}"},
	AllowedMethods: strings.Split("{{methods}}", ", "),
	AllowedHeaders: strings.Split("{{headers}}", ", "),
	MaxAge:         7200,
})
handler := c.Handler(mux)`,
  },
  nginx: {
    summary:
      'Answer the preflight with Access-Control-Allow-Methods and Access-Control-Allow-Headers listing what the page sends.',
    language: 'nginx',
    code: `location {{path}} {
    if ($request_method = OPTIONS) {
        add_header Access-Control-Allow-Origin "{{origin}}" always;
        add_header Access-Control-Allow-Methods "{{methods}}" always;
        # list every header the page sends; per the Fetch spec "*" does not cover Authorization
        add_header Access-Control-Allow-Headers "{{headers}}" always;
        add_header Access-Control-Max-Age 7200 always;
        return 204;
    }
    proxy_pass http://backend;
}`,
  },
  apache: {
    summary:
      'Set Access-Control-Allow-Methods and Access-Control-Allow-Headers with mod_headers to what the page sends.',
    language: 'apache',
    code: `# mod_headers: the preflight answer must name every method and request header the page uses
Header always set Access-Control-Allow-Methods "{{methods}}"
Header always set Access-Control-Allow-Headers "{{headers}}"
Header always set Access-Control-Max-Age "7200"`,
  },
  caddy: {
    summary: 'Answer OPTIONS with the methods and request headers the page sends.',
    language: 'caddy',
    code: `@preflight method OPTIONS
header @preflight {
    Access-Control-Allow-Origin "{{origin}}"
    Access-Control-Allow-Methods "{{methods}}"
    Access-Control-Allow-Headers "{{headers}}"
    Access-Control-Max-Age 7200
}
respond @preflight 204`,
  },
  cloudflare: {
    summary: 'Add a Response Header Transform Rule that sets the allowed methods and headers on OPTIONS responses.',
    language: 'text',
    code: `Rules → Overview → Create rule → Response Header Transform Rule
When incoming requests match:
  http.request.method eq "OPTIONS" and any(http.request.headers["origin"][*] eq "{{origin}}")
Then modify response header:
  Set static   Access-Control-Allow-Methods = {{methods}}
  Set static   Access-Control-Allow-Headers = {{headers}}
  Set static   Access-Control-Max-Age = 7200
(a rule cannot change the status: the origin must still answer OPTIONS with 2xx)`,
  },
  'aws-api-gateway': {
    summary: 'List AllowMethods and AllowHeaders in the HTTP API CorsConfiguration, which answers preflights itself.',
    language: 'yaml',
    code: `# SAM, HTTP API: API Gateway answers the preflight from this configuration
Api:
  Type: AWS::Serverless::HttpApi
  Properties:
    CorsConfiguration:
      AllowOrigins: ['{{origin}}']
      AllowMethods: [{{methods}}]
      AllowHeaders: [{{headers}}] # name Authorization explicitly
      MaxAge: 7200
# REST API (SAM Cors): AllowMethods: "'{{methods}}'" and AllowHeaders: "'{{headers}}'"`,
  },
  cloudfront: {
    summary: 'List the methods and request headers the page sends in the CORS config of the response headers policy.',
    language: 'yaml',
    code: `# CorsConfig of the response headers policy on the API's cache behavior
CorsConfig:
  AccessControlAllowOrigins: { Items: ['{{origin}}'] }
  AccessControlAllowMethods: { Items: [{{methods}}, OPTIONS] }
  AccessControlAllowHeaders: { Items: [{{headers}}] } # name Authorization explicitly
  AccessControlMaxAgeSec: 7200
  AccessControlAllowCredentials: false # true if the page sends cookies
  OriginOverride: true`,
  },
};
