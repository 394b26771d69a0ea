// The Lambda bundle's entry (dist/bundle/index.js, handler setting `index.handler`). The handler
// is built from the function's environment at init, so a bad setting fails the cold start with
// a clear message; the library's modules read no environment.
import { classifyHandlerFromEnvironment } from './handler.js';

export const handler = classifyHandlerFromEnvironment(process.env);
