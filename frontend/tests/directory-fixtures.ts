// Data of the directory page's tests, shaped as the backend answers.
import type { DeptNode, DirectoryAccountPage, DirectoryAccountRow, DirectoryImportPreview, DirectoryPreview } from '@/api'

export function dept(id: number, path: string[], totalMembers: number, children: DeptNode[] = [], parentId = 0): DeptNode {
  return { id, parentId, name: path[path.length - 1], sortOrder: id, path, members: totalMembers, totalMembers, children }
}

/** 总部 (1) › 研发中心 (2) › 后端组 (3); 香港分公司 (4). */
export function deptTree(): DeptNode[] {
  const backend = dept(3, ['总部', '研发中心', '后端组'], 2, [], 2)
  const rd = dept(2, ['总部', '研发中心'], 5, [backend], 1)
  return [dept(1, ['总部'], 18, [rd]), dept(4, ['香港分公司'], 2)]
}

export function accountRow(overrides: Partial<DirectoryAccountRow> = {}): DirectoryAccountRow {
  return {
    id: 1,
    account: 'zhangwei',
    name: '张伟',
    employeeNo: 'A0001',
    mobile: '13800138001',
    email: 'zhangwei@example.com',
    position: '高级工程师',
    wecomUserid: '',
    status: 'active',
    deptPaths: ['总部/研发中心/后端组'],
    updatedAt: '2026-01-02T03:04:05.000Z',
    ...overrides,
  }
}

export function accountPage(total: number, rows: DirectoryAccountRow[] = [accountRow()]): DirectoryAccountPage {
  return { total, rows }
}

function basePreview(overrides: Partial<DirectoryPreview>): DirectoryPreview {
  return {
    id: 7,
    fileName: 'staff.csv',
    format: 'csv',
    encoding: 'GBK',
    delimiter: 'comma',
    fullSnapshot: false,
    columns: ['account', 'name', 'mobile', 'department'],
    warnings: [],
    dirVersion: 3,
    createdAt: '2026-01-02T03:04:05Z',
    status: 'pending',
    dataRows: 0,
    adds: [],
    updates: [],
    resigns: [],
    unchanged: 0,
    rejected: [],
    newDepartments: [],
    resignCount: 0,
    ...overrides,
  }
}

/** A preview as PreviewDirectoryImport answers it: counts exact, each list capped at 200. */
export function importPreview(
  counts: { add?: number; update?: number; resign?: number; reject?: number } = {},
  overrides: Partial<DirectoryPreview> = {},
): DirectoryImportPreview {
  const cap = 200
  const add = counts.add ?? 0
  const preview = basePreview({
    adds: Array.from({ length: Math.min(add, cap) }, (_, i) => ({
      line: i + 2,
      account: `user${i}`,
      name: `用户${i}`,
      status: 'active',
      deptPaths: [['总部', '新部门']],
    })),
    dataRows: add + (counts.update ?? 0) + (counts.reject ?? 0),
    ...overrides,
  })
  return {
    preview,
    addCount: add,
    updateCount: counts.update ?? preview.updates.length,
    resignRows: counts.resign ?? preview.resigns.length,
    rejectCount: counts.reject ?? preview.rejected.length,
    rowsCappedAt: cap,
  }
}
