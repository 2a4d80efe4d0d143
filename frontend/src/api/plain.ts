// The one plain-data view of the generated Wails classes. Bound methods
// resolve to plain JSON objects, not class instances, so Plain<T> drops the
// classes' methods, deeply. Lists and maps are never null: the backend sends
// [] and {} (backend/contract.Filled).
export type Plain<T> = T extends (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Plain<T[K]> }
    : T
