// Per-page string modules, merged under their page's key (t('setup.…')).
// Each page owns its two files, so pages can be built side by side.
import bindingsEn from './bindings.en'
import callbacksEn from './callbacks.en'
import callbacksZh from './callbacks.zh-CN'
import bindingsZh from './bindings.zh-CN'
import directoryEn from './directory.en'
import directoryZh from './directory.zh-CN'
import historyEn from './history.en'
import historyZh from './history.zh-CN'
import loginEn from './login.en'
import loginZh from './login.zh-CN'
import pushEn from './push.en'
import pushZh from './push.zh-CN'
import pushLogsEn from './pushLogs.en'
import pushLogsZh from './pushLogs.zh-CN'
import settingsEn from './settings.en'
import settingsZh from './settings.zh-CN'
import setupEn from './setup.en'
import setupZh from './setup.zh-CN'
import syncEn from './sync.en'
import syncZh from './sync.zh-CN'

export const featuresZh = {
  setupPage: setupZh,
  directoryPage: directoryZh,
  bindingsPage: bindingsZh,
  syncPage: syncZh,
  historyPage: historyZh,
  pushPage: pushZh,
  pushLogsPage: pushLogsZh,
  settingsPage: settingsZh,
  loginPage: loginZh,
  callbacksPage: callbacksZh,
}

export const featuresEn: typeof featuresZh = {
  setupPage: setupEn,
  directoryPage: directoryEn,
  bindingsPage: bindingsEn,
  syncPage: syncEn,
  historyPage: historyEn,
  pushPage: pushEn,
  pushLogsPage: pushLogsEn,
  settingsPage: settingsEn,
  loginPage: loginEn,
  callbacksPage: callbacksEn,
}
