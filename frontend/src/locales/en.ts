import type { MessageSchema } from './zh-CN'

// Every UI string in English, with exactly the keys of zh-CN.ts.
const en: MessageSchema = {
  listSeparator: ', ',
  app: {
    name: 'WeCom Bridge',
    subtitle: '企微桥',
  },
  nav: {
    label: 'Main navigation',
    home: 'Getting started',
    setup: 'Setup',
    directory: 'Directory',
    bindings: 'Bindings',
    sync: 'Sync',
    history: 'History',
    push: 'Push',
    pushLogs: 'Push logs',
    callbacks: 'Callbacks',
    loginLinks: 'Login links',
    settings: 'Settings',
  },
  header: {
    activeCorp: 'Active corp',
    noCorp: 'No corp configured',
    loadingCorp: 'Loading corp…',
    corpUnavailable: 'Corp status unavailable',
    demoBadge: 'Demo',
    // The demo corp's stored name is Chinese (corp.DemoName); the header says it in the UI language.
    demoCorpName: 'Demo corp',
  },
  language: {
    label: 'Language',
    zhCN: '中文',
    en: 'English',
    saveFailed: 'Language switched, but it could not be saved: {error}',
  },
  pages: {
    setup: 'Enter the corp ID, app AgentId and Secret, the contacts-sync Secret and the callback Token/EncodingAESKey, then check in one click what works and how to fix what fails.',
    directory: 'Import the local directory from CSV/XLSX and browse its departments and members.',
    bindings: 'Pull WeCom members and review, side by side, how local accounts bind to them: confirm, reject, re-bind or export.',
    sync: 'Compute a sync plan: a tree diff of every department and member to create, update, move, disable or delete. Nothing is written while previewing.',
    history: 'See the progress and report of every sync run, and resume a run that did not finish.',
    push: 'Set up push rules that route messages from other systems to WeCom.',
    pushLogs: 'See the result of every push, and recall a message within 24 hours.',
    callbacks: 'Receive WeCom callbacks: contact changes trigger an incremental sync; set up auto-replies and template-card buttons.',
    loginLinks: 'Create OAuth login links, web QR-login codes and free-login links.',
  },
  home: {
    intro: 'Connect your organisation’s directory to WeCom in the five steps below. Each step is ticked once it is done.',
    loadFailed: 'Could not read your progress: {error}',
    retry: 'Retry',
    done: 'Done',
    todo: 'To do',
    next: 'Next',
    facts: {
      // Plurals: "one | other" (vue-i18n), chosen by the step's main number.
      connect: '{corps} corp | {corps} corps',
      connectDemo: '{corps} corp, the demo | {corps} corps, including the demo',
      import: '{active} active account | {active} active accounts',
      bind: '{confirmed} confirmed, {toReview} to review, {ambiguous} to choose',
      preview: '{syncs} preview | {syncs} previews',
      apply: '{syncs} sync applied | {syncs} syncs applied',
    },
    steps: {
      connect: {
        title: 'Connect WeCom',
        description: 'Enter the corp ID and secrets, then check the connection in one click.',
        action: 'Go to Setup',
      },
      import: {
        title: 'Import the local directory',
        description: 'Import your departments and members from CSV/XLSX.',
        action: 'Go to Directory',
      },
      bind: {
        title: 'Pull and review bindings',
        description: 'Pull WeCom members and confirm which one each local account belongs to.',
        action: 'Go to Bindings',
      },
      preview: {
        title: 'Preview the sync',
        description: 'Compute a sync plan and check every change it would make.',
        action: 'Go to Sync',
      },
      apply: {
        title: 'Apply the sync',
        description: 'Run the reviewed plan; it can be cancelled and resumed.',
        action: 'Go to apply',
      },
    },
  },
  settings: {
    language: 'Language',
    about: 'About this app',
    dataDir: 'Data directory',
    dbPath: 'Database file',
    dbSize: 'Database size',
    version: 'Version',
    commit: 'Commit',
    buildDate: 'Built',
    mode: 'Mode',
    modes: {
      desktop: 'Desktop app',
      serve: 'Browser (serve)',
    },
    loadFailed: 'Could not read app info: {error}',
    retry: 'Retry',
  },
  jobPhase: {
    refreshing: 'Reading the WeCom contacts…',
    departments: 'Reading WeCom departments and members…',
    saving: 'Saving the WeCom contacts…',
    planning: 'Computing the sync plan…',
  },
  copy: {
    copy: 'Copy',
    copied: 'Copied',
    failed: 'Copy failed; select the text and copy it by hand',
  },
  errors: {
    internal: 'Internal error (reference {ref}): the details are in the log.',
    noBackend: 'Cannot reach the backend: the page found no backend interface.',
    uploadFailed: 'The file could not be uploaded: {detail}',
    uploadNoId: 'The file could not be uploaded: the server gave no upload id.',
    notServe: 'Only the browser (serve) mode has an access token.',
  },
}

export default en
