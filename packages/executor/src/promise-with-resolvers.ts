// aws-local-stepfunctions 3 calls Promise.withResolvers, which Node 20 lacks (it came in
// Node 22): without it every Task fails. This standard polyfill is installed once, on load.
interface PromiseWithResolversConstructor {
  withResolvers?<T>(): {
    promise: Promise<T>;
    resolve: (value: T) => void;
    reject: (reason?: unknown) => void;
  };
}

const PromiseConstructor = Promise as unknown as PromiseWithResolversConstructor;

if (typeof PromiseConstructor.withResolvers !== 'function') {
  PromiseConstructor.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

export {};
