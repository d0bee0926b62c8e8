declare function lazyStringWidth(s: string): number;
export = lazyStringWidth;
