import type { Browser } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, default Debian's `/usr/bin/chromium`. */
export declare const CHROMIUM: string;
/** Starts a headless Chromium for playwright-core. */
export declare function launchChromium(): Promise<Browser>;
