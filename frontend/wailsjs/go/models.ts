export namespace corp {
	
	export class SecretField {
	    hasSecret: boolean;
	    secretMask: string;
	    unreadable?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SecretField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hasSecret = source["hasSecret"];
	        this.secretMask = source["secretMask"];
	        this.unreadable = source["unreadable"];
	    }
	}
	export class App {
	    id: number;
	    corpRef: number;
	    name: string;
	    agentId: number;
	    secret: SecretField;
	    callbackToken: SecretField;
	    callbackAesKey: SecretField;
	    homeUrl: string;
	    needsSecrets: boolean;
	
	    static createFrom(source: any = {}) {
	        return new App(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.corpRef = source["corpRef"];
	        this.name = source["name"];
	        this.agentId = source["agentId"];
	        this.secret = this.convertValues(source["secret"], SecretField);
	        this.callbackToken = this.convertValues(source["callbackToken"], SecretField);
	        this.callbackAesKey = this.convertValues(source["callbackAesKey"], SecretField);
	        this.homeUrl = source["homeUrl"];
	        this.needsSecrets = source["needsSecrets"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AppInput {
	    id: number;
	    corpRef: number;
	    name: string;
	    agentId: string;
	    secret: string;
	    callbackToken: string;
	    callbackAesKey: string;
	    homeUrl: string;
	    clear: string[];
	
	    static createFrom(source: any = {}) {
	        return new AppInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.corpRef = source["corpRef"];
	        this.name = source["name"];
	        this.agentId = source["agentId"];
	        this.secret = source["secret"];
	        this.callbackToken = source["callbackToken"];
	        this.callbackAesKey = source["callbackAesKey"];
	        this.homeUrl = source["homeUrl"];
	        this.clear = source["clear"];
	    }
	}
	export class CallbackKeys {
	    token: string;
	    encodingAesKey: string;
	
	    static createFrom(source: any = {}) {
	        return new CallbackKeys(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.encodingAesKey = source["encodingAesKey"];
	    }
	}
	export class CheckStep {
	    key: string;
	    title: string;
	    titleEn: string;
	    status: string;
	    ok: boolean;
	    skipped: boolean;
	    durationMs: number;
	    detail: string;
	    detailEn: string;
	    api?: string;
	    errcode?: number;
	    fix?: string;
	    fixEn?: string;
	
	    static createFrom(source: any = {}) {
	        return new CheckStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.title = source["title"];
	        this.titleEn = source["titleEn"];
	        this.status = source["status"];
	        this.ok = source["ok"];
	        this.skipped = source["skipped"];
	        this.durationMs = source["durationMs"];
	        this.detail = source["detail"];
	        this.detailEn = source["detailEn"];
	        this.api = source["api"];
	        this.errcode = source["errcode"];
	        this.fix = source["fix"];
	        this.fixEn = source["fixEn"];
	    }
	}
	export class CheckResult {
	    corpRef: number;
	    corpName: string;
	    passed: boolean;
	    failed: number;
	    startedAt: string;
	    durationMs: number;
	    steps: CheckStep[];
	    apiIps: string[];
	    egressIp?: string;
	
	    static createFrom(source: any = {}) {
	        return new CheckResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.corpRef = source["corpRef"];
	        this.corpName = source["corpName"];
	        this.passed = source["passed"];
	        this.failed = source["failed"];
	        this.startedAt = source["startedAt"];
	        this.durationMs = source["durationMs"];
	        this.steps = this.convertValues(source["steps"], CheckStep);
	        this.apiIps = source["apiIps"];
	        this.egressIp = source["egressIp"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class CopyValue {
	    key: string;
	    label: string;
	    labelEn: string;
	    value: string;
	    where: string;
	    whereEn: string;
	
	    static createFrom(source: any = {}) {
	        return new CopyValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.labelEn = source["labelEn"];
	        this.value = source["value"];
	        this.where = source["where"];
	        this.whereEn = source["whereEn"];
	    }
	}
	export class CopyPanel {
	    externalBaseUrl: string;
	    externalBaseSet: boolean;
	    warning?: string;
	    warningEn?: string;
	    values: CopyValue[];
	
	    static createFrom(source: any = {}) {
	        return new CopyPanel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.externalBaseUrl = source["externalBaseUrl"];
	        this.externalBaseSet = source["externalBaseSet"];
	        this.warning = source["warning"];
	        this.warningEn = source["warningEn"];
	        this.values = this.convertValues(source["values"], CopyValue);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Corp {
	    id: number;
	    key: string;
	    name: string;
	    corpId: string;
	    apiBaseUrl: string;
	    proxyUrl: string;
	    contactPermission: string;
	    contactSecret: SecretField;
	    customerSecret: SecretField;
	    callbackToken: SecretField;
	    callbackAesKey: SecretField;
	    demo: boolean;
	    active: boolean;
	    apps: App[];
	    needsSecrets: boolean;
	    needsSecretsMessage?: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Corp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.key = source["key"];
	        this.name = source["name"];
	        this.corpId = source["corpId"];
	        this.apiBaseUrl = source["apiBaseUrl"];
	        this.proxyUrl = source["proxyUrl"];
	        this.contactPermission = source["contactPermission"];
	        this.contactSecret = this.convertValues(source["contactSecret"], SecretField);
	        this.customerSecret = this.convertValues(source["customerSecret"], SecretField);
	        this.callbackToken = this.convertValues(source["callbackToken"], SecretField);
	        this.callbackAesKey = this.convertValues(source["callbackAesKey"], SecretField);
	        this.demo = source["demo"];
	        this.active = source["active"];
	        this.apps = this.convertValues(source["apps"], App);
	        this.needsSecrets = source["needsSecrets"];
	        this.needsSecretsMessage = source["needsSecretsMessage"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CorpInput {
	    id: number;
	    name: string;
	    corpId: string;
	    apiBaseUrl: string;
	    proxyUrl: string;
	    contactPermission: string;
	    contactSecret: string;
	    customerSecret: string;
	    callbackToken: string;
	    callbackAesKey: string;
	    clear: string[];
	
	    static createFrom(source: any = {}) {
	        return new CorpInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.corpId = source["corpId"];
	        this.apiBaseUrl = source["apiBaseUrl"];
	        this.proxyUrl = source["proxyUrl"];
	        this.contactPermission = source["contactPermission"];
	        this.contactSecret = source["contactSecret"];
	        this.customerSecret = source["customerSecret"];
	        this.callbackToken = source["callbackToken"];
	        this.callbackAesKey = source["callbackAesKey"];
	        this.clear = source["clear"];
	    }
	}
	export class Dependent {
	    label: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Dependent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.count = source["count"];
	    }
	}
	export class Dependents {
	    name: string;
	    items: Dependent[];
	    needsConfirm: boolean;
	    deleted: boolean;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Dependents(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.items = this.convertValues(source["items"], Dependent);
	        this.needsConfirm = source["needsConfirm"];
	        this.deleted = source["deleted"];
	        this.message = source["message"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FieldError {
	    field: string;
	    message: string;
	    messageEn: string;
	    where: string;
	    whereEn: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	        this.where = source["where"];
	        this.whereEn = source["whereEn"];
	    }
	}
	export class FieldInfo {
	    form: string;
	    field: string;
	    label: string;
	    labelEn: string;
	    format: string;
	    where: string;
	    whereEn: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.form = source["form"];
	        this.field = source["field"];
	        this.label = source["label"];
	        this.labelEn = source["labelEn"];
	        this.format = source["format"];
	        this.where = source["where"];
	        this.whereEn = source["whereEn"];
	    }
	}
	export class SaveResult {
	    ok: boolean;
	    id: number;
	    trimmed: string[];
	    errors: FieldError[];
	    corp?: Corp;
	
	    static createFrom(source: any = {}) {
	        return new SaveResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.id = source["id"];
	        this.trimmed = source["trimmed"];
	        this.errors = this.convertValues(source["errors"], FieldError);
	        this.corp = this.convertValues(source["corp"], Corp);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace services {
	
	export class AppInfo {
	    version: string;
	    dataDir: string;
	    dbPath: string;
	    dbSizeBytes: number;
	    mode: string;
	    language: string;
	
	    static createFrom(source: any = {}) {
	        return new AppInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.dbPath = source["dbPath"];
	        this.dbSizeBytes = source["dbSizeBytes"];
	        this.mode = source["mode"];
	        this.language = source["language"];
	    }
	}
	export class CorpBadge {
	    id: number;
	    name: string;
	    corpId: string;
	    demo: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CorpBadge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.corpId = source["corpId"];
	        this.demo = source["demo"];
	    }
	}
	export class Step {
	    key: string;
	    done: boolean;
	    count: number;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new Step(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.done = source["done"];
	        this.count = source["count"];
	        this.detail = source["detail"];
	    }
	}
	export class StartStatus {
	    steps: Step[];
	    activeCorp?: CorpBadge;
	
	    static createFrom(source: any = {}) {
	        return new StartStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.steps = this.convertValues(source["steps"], Step);
	        this.activeCorp = this.convertValues(source["activeCorp"], CorpBadge);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

