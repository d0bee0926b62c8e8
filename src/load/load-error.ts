// An I/O problem the user must fix before anything can be checked (exit code 2).

export class LoadError extends Error {}
