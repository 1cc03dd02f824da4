import type { TopicCatalog } from '../topics';

export const cookieSamesite: TopicCatalog = {
  express: {
    summary:
      "Set sameSite: 'none' and secure: true on the session and auth cookies, and trust the proxy so express-session sends Secure cookies behind TLS termination.",
    language: 'js',
    code: `app.set('trust proxy', 1); // TLS ends at the proxy: without this, secure cookies are never set
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { sameSite: 'none', secure: true, httpOnly: true }, // SameSite=None; Secure
  }),
);
// any other cookie:
res.cookie('token', token, { sameSite: 'none', secure: true, httpOnly: true });`,
  },
  fastify: {
    summary:
      "Set sameSite: 'none' and secure: true in @fastify/cookie and @fastify/session, with trustProxy on behind a TLS-terminating proxy.",
    language: 'js',
    code: `const fastify = Fastify({ trustProxy: true }); // TLS ends at the proxy: trust X-Forwarded-Proto
await fastify.register(import('@fastify/cookie'));
await fastify.register(import('@fastify/session'), {
  secret: process.env.SESSION_SECRET, // at least 32 characters
  cookie: { sameSite: 'none', secure: true, httpOnly: true }, // SameSite=None; Secure
});
// any other cookie:
reply.setCookie('token', token, { sameSite: 'none', secure: true, httpOnly: true, path: '/' });`,
  },
  koa: {
    summary:
      "Set sameSite: 'none' and secure: true on ctx.cookies.set and koa-session, with app.proxy = true so Koa accepts Secure cookies behind a TLS proxy.",
    language: 'js',
    code: `app.proxy = true; // TLS ends at the proxy; otherwise setting a secure cookie throws
app.keys = [process.env.COOKIE_KEY];
app.use(session({ sameSite: 'none', secure: true, httpOnly: true }, app)); // koa-session

// any other cookie (SameSite=None; Secure):
ctx.cookies.set('token', token, { sameSite: 'none', secure: true, httpOnly: true });`,
  },
  nestjs: {
    summary:
      "Set sameSite: 'none' and secure: true on the session and res.cookie() cookies, and trust the proxy on the Express adapter.",
    language: 'ts',
    code: `const app = await NestFactory.create<NestExpressApplication>(AppModule);
app.set('trust proxy', 1); // TLS ends at the proxy: needed for secure session cookies
app.use(
  session({
    secret: process.env.SESSION_SECRET!,
    resave: false,
    saveUninitialized: false,
    cookie: { sameSite: 'none', secure: true, httpOnly: true }, // SameSite=None; Secure
  }),
);
// in a controller: login(@Res({ passthrough: true }) res: Response) { … }
res.cookie('token', token, { sameSite: 'none', secure: true, httpOnly: true });`,
  },
  nextjs: {
    summary:
      "Set sameSite: 'none' and secure: true when a route handler sets a cookie the page's cross-site fetches must carry.",
    language: 'ts',
    code: `// app/api/login/route.ts
import { NextResponse } from 'next/server';

export async function POST(request: Request) {
  const token = await createSession(request);
  const response = NextResponse.json({ ok: true });
  // SameSite=None; Secure: sent on the other site's fetch(…, { credentials: 'include' })
  response.cookies.set('session', token, { sameSite: 'none', secure: true, httpOnly: true, path: '/' });
  return response;
}`,
  },
  django: {
    summary:
      'Set SESSION_COOKIE_SAMESITE and CSRF_COOKIE_SAMESITE to "None" with the matching *_SECURE settings, and trust the page origin for CSRF.',
    language: 'python',
    code: `# settings.py
SESSION_COOKIE_SAMESITE = "None"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "None"
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = ["{{origin}}"]  # cross-origin POSTs pass the CSRF Origin check
CORS_ALLOWED_ORIGINS = ["{{origin}}"]
CORS_ALLOW_CREDENTIALS = True
# any other cookie: response.set_cookie("token", token, samesite="None", secure=True, httponly=True)`,
  },
  flask: {
    summary:
      'Set SESSION_COOKIE_SAMESITE="None" and SESSION_COOKIE_SECURE=True (and the remember-me cookie too with Flask-Login).',
    language: 'python',
    code: `app.config.update(
    SESSION_COOKIE_SAMESITE="None",
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    REMEMBER_COOKIE_SAMESITE="None",  # Flask-Login's remember-me cookie
    REMEMBER_COOKIE_SECURE=True,
)
CORS(app, origins=["{{origin}}"], supports_credentials=True)

# any other cookie:
response.set_cookie("token", token, samesite="None", secure=True, httponly=True)`,
  },
  fastapi: {
    summary:
      'Pass samesite="none" and secure=True to set_cookie, and same_site="none" with https_only=True to SessionMiddleware.',
    language: 'python',
    code: `from fastapi import Response
from starlette.middleware.sessions import SessionMiddleware

# https_only=True adds Secure; same_site="none" sends it on cross-site requests
app.add_middleware(SessionMiddleware, secret_key=SECRET_KEY, same_site="none", https_only=True)


@app.post("/login")
async def login(response: Response):
    response.set_cookie("token", make_token(), samesite="none", secure=True, httponly=True)
    return {"ok": True}`,
  },
  spring: {
    summary:
      'Set server.servlet.session.cookie.same-site=none with secure=true for the session cookie, and build other cookies with ResponseCookie.sameSite("None").secure(true).',
    language: 'java',
    code: `// application.properties (Spring Boot session cookie):
//   server.servlet.session.cookie.same-site=none
//   server.servlet.session.cookie.secure=true

// Any other cookie (SameSite=None; Secure):
ResponseCookie cookie = ResponseCookie.from("token", token)
    .sameSite("None")
    .secure(true)
    .httpOnly(true)
    .path("/")
    .build();
response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());`,
  },
  aspnet: {
    summary:
      'Set Cookie.SameSite = SameSiteMode.None with SecurePolicy = Always on the auth cookie, and SameSite = None, Secure = true in CookieOptions.',
    language: 'csharp',
    code: `builder.Services.ConfigureApplicationCookie(o => // Identity; or .AddCookie(o => …) for cookie auth
{
    o.Cookie.SameSite = SameSiteMode.None;
    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
});

// Any other cookie:
Response.Cookies.Append("token", token, new CookieOptions
{
    SameSite = SameSiteMode.None,
    Secure = true,
    HttpOnly = true,
});`,
  },
  rails: {
    summary:
      'Give the session store same_site: :none, secure: true and set cookies with same_site: :none, secure: true, telling Rails it is behind TLS.',
    language: 'ruby',
    code: `# config/initializers/session_store.rb
Rails.application.config.session_store :cookie_store,
  key: "_app_session", same_site: :none, secure: true

# any other cookie:
cookies[:token] = { value: token, same_site: :none, secure: true, httponly: true }

# config/environments/production.rb: Rails only writes Secure cookies on https requests;
# behind a TLS-terminating proxy that doesn't send X-Forwarded-Proto, say so (Rails 7.1+):
config.assume_ssl = true`,
  },
  go: {
    summary: 'Set SameSite: http.SameSiteNoneMode and Secure: true on the http.Cookie.',
    language: 'go',
    code: `http.SetCookie(w, &http.Cookie{
	Name:     "session",
	Value:    token,
	Path:     "/",
	HttpOnly: true,
	Secure:   true,                  // required with SameSite=None
	SameSite: http.SameSiteNoneMode, // sent on cross-site fetch(…, { credentials: "include" })
})`,
  },
  nginx: {
    summary:
      'Add the attributes to the cookies the application sets with "proxy_cookie_flags ~ secure samesite=none;" (nginx 1.19.3 or later).',
    language: 'nginx',
    code: `location {{path}} {
    proxy_pass http://backend;
    # every cookie the app sets gets Secure and SameSite=None ("~" with no pattern: all cookies)
    proxy_cookie_flags ~ secure samesite=none;
}`,
  },
  apache: {
    summary:
      'Append "; SameSite=None; Secure" to the Set-Cookie headers the backend sends with mod_headers, or better, set them in the application.',
    language: 'apache',
    code: `# mod_headers: a later SameSite attribute overrides an earlier one, so appending is enough.
# Edit both header tables: which one holds the backend's Set-Cookie depends on the module
# (mod_proxy, CGI/FastCGI) and on the status.
Header edit Set-Cookie "^(.*)$" "$1; SameSite=None; Secure"
Header always edit Set-Cookie "^(.*)$" "$1; SameSite=None; Secure"`,
  },
  caddy: {
    summary:
      'Rewrite the Set-Cookie headers coming back from the application with header_down to add SameSite=None; Secure, or better, set them in the application.',
    language: 'caddy',
    code: `api.example.com {
    reverse_proxy localhost:8080 {
        # append the attributes to every cookie the app sets
        # (a later SameSite attribute overrides an earlier one)
        header_down Set-Cookie "^(.*)$" "$1; SameSite=None; Secure"
    }
}`,
  },
  cloudflare: {
    summary:
      'Set SameSite=None; Secure at the origin, or rewrite the Set-Cookie headers in a Worker when the origin cannot be changed.',
    language: 'js',
    code: `export default {
  async fetch(request) {
    const upstream = await fetch(request);
    const response = new Response(upstream.body, upstream);
    response.headers.delete('Set-Cookie');
    for (const cookie of upstream.headers.getSetCookie()) {
      const base = cookie.replace(/;\\s*(SameSite=[^;]*|Secure)(?=;|$)/gi, '');
      response.headers.append('Set-Cookie', base + '; SameSite=None; Secure');
    }
    return response;
  },
};`,
  },
  'aws-api-gateway': {
    summary:
      'Return the cookie from the Lambda with SameSite=None; Secure, in "cookies" for HTTP APIs or multiValueHeaders for REST APIs.',
    language: 'js',
    code: `// Lambda behind an HTTP API (payload format 2.0): cookies go in "cookies"
return {
  statusCode: 200,
  cookies: ['session=' + token + '; Path=/; HttpOnly; Secure; SameSite=None'],
  body: JSON.stringify({ ok: true }),
};
// REST API (payload format 1.0):
//   multiValueHeaders: { 'Set-Cookie': ['session=' + token + '; Path=/; HttpOnly; Secure; SameSite=None'] }`,
  },
  cloudfront: {
    summary:
      'Set SameSite=None; Secure at the origin (or in a viewer-response CloudFront Function), and forward cookies to the origin in the origin request policy.',
    language: 'js',
    code: `// CloudFront Function, viewer response: add Secure and SameSite=None to the origin's cookies
function handler(event) {
  var cookies = event.response.cookies;
  for (var name in cookies) {
    var attrs = (cookies[name].attributes || '').split(';').map(function (a) { return a.trim(); });
    attrs = attrs.filter(function (a) { return a && !/^(samesite|secure)\\b/i.test(a); });
    cookies[name].attributes = attrs.concat(['Secure', 'SameSite=None']).join('; ');
  }
  return event.response;
}
// The origin only sees the browser's cookies if the origin request policy forwards them
// (CookiesConfig: CookieBehavior: all, or a whitelist).`,
  },
};
