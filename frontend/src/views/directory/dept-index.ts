// Lookups over the department tree the backend returned. Department names
// cannot contain "/", so a path joined with "/" names exactly one department
// (the form the account list and import files use: 总部/研发中心/后端组).
import type { DeptNode } from '@/api'

export interface DeptIndex {
  byId: Map<number, DeptNode>
  idByPath: Map<string, number>
}

export const pathSeparator = '/'

export function joinDeptPath(path: string[]): string {
  return path.join(pathSeparator)
}

export function indexDepts(roots: DeptNode[]): DeptIndex {
  const index: DeptIndex = { byId: new Map(), idByPath: new Map() }
  const visit = (node: DeptNode) => {
    index.byId.set(node.id, node)
    index.idByPath.set(joinDeptPath(node.path), node.id)
    node.children.forEach(visit)
  }
  roots.forEach(visit)
  return index
}

/** The ids of a department and of everything below it. */
export function subtreeIds(node: DeptNode): Set<number> {
  const ids = new Set<number>()
  const visit = (n: DeptNode) => {
    ids.add(n.id)
    n.children.forEach(visit)
  }
  visit(node)
  return ids
}

/** Department ids of the account list's paths, in order; unknown paths are skipped. */
export function deptIdsOfPaths(index: DeptIndex, paths: string[]): number[] {
  return paths.map((p) => index.idByPath.get(p)).filter((id): id is number => id !== undefined)
}
