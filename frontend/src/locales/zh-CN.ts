// Every UI string in Simplified Chinese. en.ts must have the same keys.
const zhCN = {
  /** Between the items of a list in a sentence. */
  listSeparator: '、',
  app: {
    name: '企微桥',
    subtitle: 'WeCom Bridge',
  },
  nav: {
    label: '主导航',
    home: '开始使用',
    setup: '接入配置',
    directory: '本地通讯录',
    bindings: '账号绑定',
    sync: '同步预览',
    history: '同步记录',
    push: '消息推送',
    pushLogs: '推送日志',
    callbacks: '回调',
    loginLinks: '登录链接',
    settings: '设置',
  },
  header: {
    activeCorp: '当前企业',
    noCorp: '未配置企业',
    loadingCorp: '正在读取企业…',
    corpUnavailable: '无法读取企业状态',
    demoBadge: '演示',
    // The demo corp's stored name is Chinese (corp.DemoName); the header says it in the UI language.
    demoCorpName: '演示企业',
  },
  language: {
    label: '界面语言',
    zhCN: '中文',
    en: 'English',
    saveFailed: '界面语言已切换，但未能保存：{error}',
  },
  pages: {
    setup: '填写企业 ID、应用 AgentId 与 Secret、通讯录同步 Secret 和回调 Token/EncodingAESKey，并一键检查哪些配置可用、失败项如何修复。',
    directory: '从 CSV/XLSX 导入本地通讯录，查看本地的部门和成员。',
    bindings: '拉取企业微信成员，左右对照审核本地账号与企业微信成员的绑定：确认、拒绝、重新绑定或导出。',
    sync: '生成同步计划，以树形差异列出将要新建、更新、移动、停用或删除的部门和成员；预览时不写入任何数据。',
    history: '查看每一次执行同步的进度和报告，未完成的同步可以继续执行。',
    push: '配置推送规则，把其他系统的消息转发到企业微信。',
    pushLogs: '查看每一条推送的发送结果，并可在 24 小时内撤回消息。',
    callbacks: '接收企业微信回调：通讯录变更触发增量同步，并配置自动回复和模板卡片按钮。',
    loginLinks: '生成 OAuth 登录链接、网页扫码登录二维码和免登录链接。',
  },
  home: {
    intro: '按下面五步把本组织的通讯录接入企业微信。每一步完成后会自动打勾。',
    loadFailed: '无法读取当前进度：{error}',
    retry: '重试',
    done: '已完成',
    todo: '未完成',
    next: '下一步',
    facts: {
      connect: '{corps} 个企业',
      connectDemo: '{corps} 个企业（含演示企业）',
      import: '{active} 个在职账号',
      bind: '已确认 {confirmed}，待确认 {toReview}，待选择 {ambiguous}',
      preview: '已预览 {syncs} 次',
      apply: '已执行 {syncs} 次',
    },
    steps: {
      connect: {
        title: '接入企业微信',
        description: '填写企业 ID 和各类 Secret，一键检查连接。',
        action: '去接入配置',
      },
      import: {
        title: '导入本地通讯录',
        description: '从 CSV/XLSX 导入本组织的部门和成员。',
        action: '去本地通讯录',
      },
      bind: {
        title: '拉取并确认账号绑定',
        description: '拉取企业微信成员，逐一确认本地账号对应的成员。',
        action: '去账号绑定',
      },
      preview: {
        title: '预览同步',
        description: '生成同步计划，核对每一项将要发生的变更。',
        action: '去同步预览',
      },
      apply: {
        title: '执行同步',
        description: '按审核过的计划执行，可取消，也可从中断处继续。',
        action: '去执行同步',
      },
    },
  },
  settings: {
    language: '界面语言',
    about: '应用信息',
    dataDir: '数据目录',
    dbPath: '数据库文件',
    dbSize: '数据库大小',
    version: '版本',
    commit: '提交',
    buildDate: '构建时间',
    mode: '运行模式',
    modes: {
      desktop: '桌面应用',
      serve: '浏览器服务（serve）',
    },
    loadFailed: '无法读取应用信息：{error}',
    retry: '重试',
  },
  // What a long job is doing now (backend/jobs phases; a pull's own phases included).
  jobPhase: {
    refreshing: '正在读取企业微信通讯录…',
    departments: '正在读取企业微信部门与成员…',
    saving: '正在保存企业微信通讯录…',
    planning: '正在计算同步计划…',
  },
  copy: {
    copy: '复制',
    copied: '已复制',
    failed: '复制失败，请手动选择文本复制',
  },
  // Messages the UI itself makes (backend messages come rendered, {code, args, zh, en}).
  errors: {
    internal: '内部错误（编号 {ref}）：详细信息已写入日志。',
    noBackend: '无法连接后台：界面没有找到后台接口。',
    uploadFailed: '文件上传失败：{detail}',
    uploadNoId: '文件上传失败：服务器没有返回上传编号。',
    notServe: '只有浏览器服务（serve）模式才有访问令牌。',
  },
}

export type MessageSchema = typeof zhCN

export default zhCN
