// The WHATWG URL parser is part of every runtime the engine runs in (browsers and Node), but not of lib ES2022.
// Declaring just what the engine uses keeps DOM and Node types out of it.
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
}
