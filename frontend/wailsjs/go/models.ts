export namespace autoreply {
	
	export class AppSwitch {
	    appRef: number;
	    corpRef: number;
	    agentId: number;
	    name: string;
	    enabled: boolean;
	    rules: number;
	    active: number;
	    callbackReady: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AppSwitch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.appRef = source["appRef"];
	        this.corpRef = source["corpRef"];
	        this.agentId = source["agentId"];
	        this.name = source["name"];
	        this.enabled = source["enabled"];
	        this.rules = source["rules"];
	        this.active = source["active"];
	        this.callbackReady = source["callbackReady"];
	    }
	}
	export class Filter {
	    corpRef: number;
	    appRef: number;
	    search: string;
	    state: string;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.corpRef = source["corpRef"];
	        this.appRef = source["appRef"];
	        this.search = source["search"];
	        this.state = source["state"];
	    }
	}
	export class Rule {
	    id: number;
	    appRef: number;
	    corpRef: number;
	    agentId: number;
	    appName: string;
	    name: string;
	    action: string;
	    match: string;
	    keyword: string;
	    reply: string;
	    priority: number;
	    enabled: boolean;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Rule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.appRef = source["appRef"];
	        this.corpRef = source["corpRef"];
	        this.agentId = source["agentId"];
	        this.appName = source["appName"];
	        this.name = source["name"];
	        this.action = source["action"];
	        this.match = source["match"];
	        this.keyword = source["keyword"];
	        this.reply = source["reply"];
	        this.priority = source["priority"];
	        this.enabled = source["enabled"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class RuleInput {
	    id: number;
	    appRef: number;
	    name: string;
	    action: string;
	    match: string;
	    keyword: string;
	    reply: string;
	    priority: number;
	    enabled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RuleInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.appRef = source["appRef"];
	        this.name = source["name"];
	        this.action = source["action"];
	        this.match = source["match"];
	        this.keyword = source["keyword"];
	        this.reply = source["reply"];
	        this.priority = source["priority"];
	        this.enabled = source["enabled"];
	    }
	}
	export class TryResult {
	    hit: boolean;
	    rule?: Rule;
	    reply: string;
	    switchOff: boolean;
	    checked: number;
	
	    static createFrom(source: any = {}) {
	        return new TryResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hit = source["hit"];
	        this.rule = this.convertValues(source["rule"], Rule);
	        this.reply = source["reply"];
	        this.switchOff = source["switchOff"];
	        this.checked = source["checked"];
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

export namespace backup {
	
	export class Archive {
	    name: string;
	    path: string;
	    kind: string;
	    sizeBytes: number;
	    createdAt: string;
	    encrypted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Archive(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.sizeBytes = source["sizeBytes"];
	        this.createdAt = source["createdAt"];
	        this.encrypted = source["encrypted"];
	    }
	}

}

export namespace callback {
	
	export class EndpointStatus {
	    agentId: number;
	    // Go type: time
	    verifiedAt?: any;
	    // Go type: time
	    lastEventAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new EndpointStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.agentId = source["agentId"];
	        this.verifiedAt = this.convertValues(source["verifiedAt"], null);
	        this.lastEventAt = this.convertValues(source["lastEventAt"], null);
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
	export class Message {
	    toUserName: string;
	    fromUserName: string;
	    createTime: number;
	    msgType: string;
	    event: string;
	    msgId: string;
	    agentId: string;
	    content: string;
	    picUrl: string;
	    mediaId: string;
	    eventKey: string;
	    taskId: string;
	    cardType: string;
	    changeType: string;
	    userId: string;
	    newUserId: string;
	    id: string;
	    parentId: string;
	    name: string;
	    tagId: string;
	    externalUserId: string;
	    // Go type: struct { JobID string "xml:\"JobId\" json:\"jobId\""; JobType string "xml:\"JobType\" json:\"jobType\""; ErrCode int "xml:\"ErrCode\" json:\"errCode\""; ErrMsg string "xml:\"ErrMsg\" json:\"errMsg\"" }
	    batchJob: any;
	
	    static createFrom(source: any = {}) {
	        return new Message(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.toUserName = source["toUserName"];
	        this.fromUserName = source["fromUserName"];
	        this.createTime = source["createTime"];
	        this.msgType = source["msgType"];
	        this.event = source["event"];
	        this.msgId = source["msgId"];
	        this.agentId = source["agentId"];
	        this.content = source["content"];
	        this.picUrl = source["picUrl"];
	        this.mediaId = source["mediaId"];
	        this.eventKey = source["eventKey"];
	        this.taskId = source["taskId"];
	        this.cardType = source["cardType"];
	        this.changeType = source["changeType"];
	        this.userId = source["userId"];
	        this.newUserId = source["newUserId"];
	        this.id = source["id"];
	        this.parentId = source["parentId"];
	        this.name = source["name"];
	        this.tagId = source["tagId"];
	        this.externalUserId = source["externalUserId"];
	        this.batchJob = this.convertValues(source["batchJob"], Object);
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
	export class Event {
	    id: number;
	    corpRef: number;
	    agentId: number;
	    kind: string;
	    type: string;
	    changeType: string;
	    fromUser: string;
	    state: string;
	    dupOf?: number;
	    attempts: number;
	    error?: usererr.Message;
	    effects: usererr.Message[];
	    // Go type: time
	    receivedAt: any;
	    // Go type: time
	    processedAt?: any;
	    msg: Message;
	
	    static createFrom(source: any = {}) {
	        return new Event(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.corpRef = source["corpRef"];
	        this.agentId = source["agentId"];
	        this.kind = source["kind"];
	        this.type = source["type"];
	        this.changeType = source["changeType"];
	        this.fromUser = source["fromUser"];
	        this.state = source["state"];
	        this.dupOf = source["dupOf"];
	        this.attempts = source["attempts"];
	        this.error = this.convertValues(source["error"], usererr.Message);
	        this.effects = this.convertValues(source["effects"], usererr.Message);
	        this.receivedAt = this.convertValues(source["receivedAt"], null);
	        this.processedAt = this.convertValues(source["processedAt"], null);
	        this.msg = this.convertValues(source["msg"], Message);
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
	export class Filter {
	    corpRef: number;
	    agentId?: number;
	    type: string;
	    state: string;
	    // Go type: time
	    from: any;
	    // Go type: time
	    to: any;
	    limit: number;
	    beforeId: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.corpRef = source["corpRef"];
	        this.agentId = source["agentId"];
	        this.type = source["type"];
	        this.state = source["state"];
	        this.from = this.convertValues(source["from"], null);
	        this.to = this.convertValues(source["to"], null);
	        this.limit = source["limit"];
	        this.beforeId = source["beforeId"];
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

export namespace callbackapps {
	
	export class DayCount {
	    day: string;
	    received: number;
	    processed: number;
	    failed: number;
	    duplicate: number;
	    refused: number;
	
	    static createFrom(source: any = {}) {
	        return new DayCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.received = source["received"];
	        this.processed = source["processed"];
	        this.failed = source["failed"];
	        this.duplicate = source["duplicate"];
	        this.refused = source["refused"];
	    }
	}

}

export namespace configaudit {
	
	export class Entry {
	    id: number;
	    // Go type: time
	    at: any;
	    actor: string;
	    subject: string;
	    action: string;
	    field: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = this.convertValues(source["at"], null);
	        this.actor = source["actor"];
	        this.subject = source["subject"];
	        this.action = source["action"];
	        this.field = source["field"];
	        this.note = source["note"];
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
	    title: usererr.Message;
	    status: string;
	    ok: boolean;
	    skipped: boolean;
	    durationMs: number;
	    detail: usererr.Message;
	    api?: string;
	    errcode?: number;
	    fix?: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new CheckStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.title = this.convertValues(source["title"], usererr.Message);
	        this.status = source["status"];
	        this.ok = source["ok"];
	        this.skipped = source["skipped"];
	        this.durationMs = source["durationMs"];
	        this.detail = this.convertValues(source["detail"], usererr.Message);
	        this.api = source["api"];
	        this.errcode = source["errcode"];
	        this.fix = this.convertValues(source["fix"], usererr.Message);
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
	    label: usererr.Message;
	    value: string;
	    where: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new CopyValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = this.convertValues(source["label"], usererr.Message);
	        this.value = source["value"];
	        this.where = this.convertValues(source["where"], usererr.Message);
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
	export class CopyPanel {
	    externalBaseUrl: string;
	    externalBaseSet: boolean;
	    warning?: usererr.Message;
	    values: CopyValue[];
	
	    static createFrom(source: any = {}) {
	        return new CopyPanel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.externalBaseUrl = source["externalBaseUrl"];
	        this.externalBaseSet = source["externalBaseSet"];
	        this.warning = this.convertValues(source["warning"], usererr.Message);
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
	    needsSecretsMessage?: usererr.Message;
	    lastCheck: string;
	    lastCheckFailure?: usererr.Message;
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
	        this.needsSecretsMessage = this.convertValues(source["needsSecretsMessage"], usererr.Message);
	        this.lastCheck = source["lastCheck"];
	        this.lastCheckFailure = this.convertValues(source["lastCheckFailure"], usererr.Message);
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
	    key: string;
	    count: number;
	    label: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new Dependent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.count = source["count"];
	        this.label = this.convertValues(source["label"], usererr.Message);
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
	export class Dependents {
	    name: string;
	    items: Dependent[];
	    needsConfirm: boolean;
	    deleted: boolean;
	    message: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new Dependents(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.items = this.convertValues(source["items"], Dependent);
	        this.needsConfirm = source["needsConfirm"];
	        this.deleted = source["deleted"];
	        this.message = this.convertValues(source["message"], usererr.Message);
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
	    message: usererr.Message;
	    where: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new FieldError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = this.convertValues(source["message"], usererr.Message);
	        this.where = this.convertValues(source["where"], usererr.Message);
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
	export class FieldInfo {
	    form: string;
	    field: string;
	    label: usererr.Message;
	    format: usererr.Message;
	    where: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new FieldInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.form = source["form"];
	        this.field = source["field"];
	        this.label = this.convertValues(source["label"], usererr.Message);
	        this.format = this.convertValues(source["format"], usererr.Message);
	        this.where = this.convertValues(source["where"], usererr.Message);
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
	export class HostChange {
	    cleared: string[];
	    message: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new HostChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cleared = source["cleared"];
	        this.message = this.convertValues(source["message"], usererr.Message);
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
	export class SaveResult {
	    ok: boolean;
	    id: number;
	    trimmed: string[];
	    errors: FieldError[];
	    corp?: Corp;
	    hostChange?: HostChange;
	
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
	        this.hostChange = this.convertValues(source["hostChange"], HostChange);
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

export namespace directory {
	
	export class Account {
	    id: number;
	    account: string;
	    name: string;
	    employeeNo: string;
	    mobile: string;
	    email: string;
	    position: string;
	    wecomUserid: string;
	    status: string;
	    // Go type: time
	    resignedAt?: any;
	    deptIds: number[];
	    deptPaths: string[][];
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Account(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.account = source["account"];
	        this.name = source["name"];
	        this.employeeNo = source["employeeNo"];
	        this.mobile = source["mobile"];
	        this.email = source["email"];
	        this.position = source["position"];
	        this.wecomUserid = source["wecomUserid"];
	        this.status = source["status"];
	        this.resignedAt = this.convertValues(source["resignedAt"], null);
	        this.deptIds = source["deptIds"];
	        this.deptPaths = source["deptPaths"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
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
	export class AccountInput {
	    account: string;
	    name: string;
	    employeeNo: string;
	    mobile: string;
	    email: string;
	    position: string;
	    wecomUserid: string;
	    deptIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new AccountInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.name = source["name"];
	        this.employeeNo = source["employeeNo"];
	        this.mobile = source["mobile"];
	        this.email = source["email"];
	        this.position = source["position"];
	        this.wecomUserid = source["wecomUserid"];
	        this.deptIds = source["deptIds"];
	    }
	}
	export class AccountRow {
	    id: number;
	    account: string;
	    name: string;
	    employeeNo: string;
	    mobile: string;
	    email: string;
	    position: string;
	    wecomUserid: string;
	    status: string;
	    resignedAt?: string;
	    deptPaths: string[];
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new AccountRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.account = source["account"];
	        this.name = source["name"];
	        this.employeeNo = source["employeeNo"];
	        this.mobile = source["mobile"];
	        this.email = source["email"];
	        this.position = source["position"];
	        this.wecomUserid = source["wecomUserid"];
	        this.status = source["status"];
	        this.resignedAt = source["resignedAt"];
	        this.deptPaths = source["deptPaths"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class AccountPage {
	    total: number;
	    rows: AccountRow[];
	
	    static createFrom(source: any = {}) {
	        return new AccountPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.rows = this.convertValues(source["rows"], AccountRow);
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
	
	export class Department {
	    id: number;
	    parentId: number;
	    name: string;
	    sortOrder: number;
	    path: string[];
	
	    static createFrom(source: any = {}) {
	        return new Department(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.parentId = source["parentId"];
	        this.name = source["name"];
	        this.sortOrder = source["sortOrder"];
	        this.path = source["path"];
	    }
	}
	export class DeptNode {
	    id: number;
	    parentId: number;
	    name: string;
	    sortOrder: number;
	    path: string[];
	    members: number;
	    totalMembers: number;
	    children: DeptNode[];
	
	    static createFrom(source: any = {}) {
	        return new DeptNode(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.parentId = source["parentId"];
	        this.name = source["name"];
	        this.sortOrder = source["sortOrder"];
	        this.path = source["path"];
	        this.members = source["members"];
	        this.totalMembers = source["totalMembers"];
	        this.children = this.convertValues(source["children"], DeptNode);
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
	export class FieldChange {
	    field: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class ImportRow {
	    line: number;
	    account: string;
	    name: string;
	    employeeNo?: string;
	    mobile?: string;
	    email?: string;
	    position?: string;
	    status: string;
	    deptPaths: string[][];
	    wecomUserid?: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.account = source["account"];
	        this.name = source["name"];
	        this.employeeNo = source["employeeNo"];
	        this.mobile = source["mobile"];
	        this.email = source["email"];
	        this.position = source["position"];
	        this.status = source["status"];
	        this.deptPaths = source["deptPaths"];
	        this.wecomUserid = source["wecomUserid"];
	    }
	}
	export class ResignThreshold {
	    percent: number;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new ResignThreshold(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.percent = source["percent"];
	        this.count = source["count"];
	    }
	}
	export class ResignWarning {
	    count: number;
	    active: number;
	    percent: number;
	    threshold: ResignThreshold;
	
	    static createFrom(source: any = {}) {
	        return new ResignWarning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.active = source["active"];
	        this.percent = source["percent"];
	        this.threshold = this.convertValues(source["threshold"], ResignThreshold);
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
	export class Problem {
	    field: string;
	    message: string;
	    code?: string;
	    args: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	        this.code = source["code"];
	        this.args = source["args"];
	    }
	}
	export class Rejection {
	    line: number;
	    account?: string;
	    problems: Problem[];
	
	    static createFrom(source: any = {}) {
	        return new Rejection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.account = source["account"];
	        this.problems = this.convertValues(source["problems"], Problem);
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
	export class ResignRow {
	    accountId: number;
	    account: string;
	    name: string;
	    deptPaths: string[][];
	
	    static createFrom(source: any = {}) {
	        return new ResignRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accountId = source["accountId"];
	        this.account = source["account"];
	        this.name = source["name"];
	        this.deptPaths = source["deptPaths"];
	    }
	}
	export class UpdateRow {
	    accountId: number;
	    after: ImportRow;
	    changes: FieldChange[];
	
	    static createFrom(source: any = {}) {
	        return new UpdateRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accountId = source["accountId"];
	        this.after = this.convertValues(source["after"], ImportRow);
	        this.changes = this.convertValues(source["changes"], FieldChange);
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
	export class Preview {
	    id: number;
	    fileName: string;
	    format: string;
	    encoding?: string;
	    delimiter?: string;
	    sheet?: string;
	    fullSnapshot: boolean;
	    columns: string[];
	    warnings: string[];
	    dirVersion: number;
	    // Go type: time
	    createdAt: any;
	    status: string;
	    dataRows: number;
	    adds: ImportRow[];
	    updates: UpdateRow[];
	    resigns: ResignRow[];
	    unchanged: number;
	    rejected: Rejection[];
	    newDepartments: string[][];
	    resignCount: number;
	    resignWarning?: ResignWarning;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.fileName = source["fileName"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.delimiter = source["delimiter"];
	        this.sheet = source["sheet"];
	        this.fullSnapshot = source["fullSnapshot"];
	        this.columns = source["columns"];
	        this.warnings = source["warnings"];
	        this.dirVersion = source["dirVersion"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.status = source["status"];
	        this.dataRows = source["dataRows"];
	        this.adds = this.convertValues(source["adds"], ImportRow);
	        this.updates = this.convertValues(source["updates"], UpdateRow);
	        this.resigns = this.convertValues(source["resigns"], ResignRow);
	        this.unchanged = source["unchanged"];
	        this.rejected = this.convertValues(source["rejected"], Rejection);
	        this.newDepartments = source["newDepartments"];
	        this.resignCount = source["resignCount"];
	        this.resignWarning = this.convertValues(source["resignWarning"], ResignWarning);
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
	
	export class Query {
	    search: string;
	    deptId: number;
	    includeSubDepts: boolean;
	    status: string;
	    offset: number;
	    limit: number;
	    sort: string;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.search = source["search"];
	        this.deptId = source["deptId"];
	        this.includeSubDepts = source["includeSubDepts"];
	        this.status = source["status"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.sort = source["sort"];
	    }
	}
	
	
	
	

}

export namespace jobs {
	
	export class Filter {
	    corpId: number;
	    kind: string;
	    runningOnly: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.corpId = source["corpId"];
	        this.kind = source["kind"];
	        this.runningOnly = source["runningOnly"];
	    }
	}
	export class Job {
	    id: string;
	    kind: string;
	    corpId: number;
	    planId: number;
	    runId: number;
	    state: string;
	    phase: string;
	    done: number;
	    failed: number;
	    total: number;
	    startedBy: string;
	    // Go type: time
	    startedAt: any;
	    // Go type: time
	    finishedAt: any;
	    result: any;
	    error?: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new Job(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.corpId = source["corpId"];
	        this.planId = source["planId"];
	        this.runId = source["runId"];
	        this.state = source["state"];
	        this.phase = source["phase"];
	        this.done = source["done"];
	        this.failed = source["failed"];
	        this.total = source["total"];
	        this.startedBy = source["startedBy"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.finishedAt = this.convertValues(source["finishedAt"], null);
	        this.result = source["result"];
	        this.error = this.convertValues(source["error"], usererr.Message);
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
	export class Started {
	    jobId: string;
	
	    static createFrom(source: any = {}) {
	        return new Started(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.jobId = source["jobId"];
	    }
	}

}

export namespace login {
	
	export class JoinQR {
	    sizeType: number;
	    pixels: number;
	    url: string;
	
	    static createFrom(source: any = {}) {
	        return new JoinQR(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sizeType = source["sizeType"];
	        this.pixels = source["pixels"];
	        this.url = source["url"];
	    }
	}
	export class Link {
	    kind: string;
	    url: string;
	    warnings: usererr.Message[];
	
	    static createFrom(source: any = {}) {
	        return new Link(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.url = source["url"];
	        this.warnings = this.convertValues(source["warnings"], usererr.Message);
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
	export class LinkRequest {
	    corpId: number;
	    agentId: number;
	    kind: string;
	    scope: string;
	    to: string;
	    state: string;
	
	    static createFrom(source: any = {}) {
	        return new LinkRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.corpId = source["corpId"];
	        this.agentId = source["agentId"];
	        this.kind = source["kind"];
	        this.scope = source["scope"];
	        this.to = source["to"];
	        this.state = source["state"];
	    }
	}
	export class SignIn {
	    id: number;
	    at: string;
	    corpId: number;
	    via: string;
	    userid: string;
	    account: string;
	    result: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new SignIn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.corpId = source["corpId"];
	        this.via = source["via"];
	        this.userid = source["userid"];
	        this.account = source["account"];
	        this.result = source["result"];
	        this.detail = source["detail"];
	    }
	}
	export class SignInPage {
	    rows: SignIn[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new SignInPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], SignIn);
	        this.total = source["total"];
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
	export class VerifyFile {
	    name: string;
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new VerifyFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.content = source["content"];
	    }
	}

}

export namespace mirror {
	
	export class FailedDept {
	    id: number;
	    name: string;
	    errcode: number;
	    errmsg: string;
	    fix: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new FailedDept(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.errcode = source["errcode"];
	        this.errmsg = source["errmsg"];
	        this.fix = this.convertValues(source["fix"], usererr.Message);
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
	export class User {
	    userid: string;
	    name: string;
	    alias?: string;
	    position?: string;
	    mobile?: string;
	    email?: string;
	    bizMail?: string;
	    telephone?: string;
	    gender: string;
	    status: number;
	    enable: boolean;
	    mainDepartment: number;
	    departments: number[];
	    deptPaths: string[][];
	
	    static createFrom(source: any = {}) {
	        return new User(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.userid = source["userid"];
	        this.name = source["name"];
	        this.alias = source["alias"];
	        this.position = source["position"];
	        this.mobile = source["mobile"];
	        this.email = source["email"];
	        this.bizMail = source["bizMail"];
	        this.telephone = source["telephone"];
	        this.gender = source["gender"];
	        this.status = source["status"];
	        this.enable = source["enable"];
	        this.mainDepartment = source["mainDepartment"];
	        this.departments = source["departments"];
	        this.deptPaths = source["deptPaths"];
	    }
	}
	export class Page {
	    users: User[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.users = this.convertValues(source["users"], User);
	        this.total = source["total"];
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
	export class Query {
	    search: string;
	    deptId: number;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.search = source["search"];
	        this.deptId = source["deptId"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class Run {
	    id: number;
	    corpId: number;
	    // Go type: time
	    startedAt: any;
	    // Go type: time
	    finishedAt: any;
	    durationMs: number;
	    status: string;
	    departments: number;
	    users: number;
	    apiCalls: number;
	    privacyRestricted: boolean;
	    error?: usererr.Message;
	    failedDepartments: FailedDept[];
	    trigger: string;
	    startedBy: string;
	
	    static createFrom(source: any = {}) {
	        return new Run(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.corpId = source["corpId"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.finishedAt = this.convertValues(source["finishedAt"], null);
	        this.durationMs = source["durationMs"];
	        this.status = source["status"];
	        this.departments = source["departments"];
	        this.users = source["users"];
	        this.apiCalls = source["apiCalls"];
	        this.privacyRestricted = source["privacyRestricted"];
	        this.error = this.convertValues(source["error"], usererr.Message);
	        this.failedDepartments = this.convertValues(source["failedDepartments"], FailedDept);
	        this.trigger = source["trigger"];
	        this.startedBy = source["startedBy"];
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
	export class Summary {
	    corpId: number;
	    hasMirror: boolean;
	    runId: number;
	    // Go type: time
	    pulledAt?: any;
	    departments: number;
	    users: number;
	    privacyRestricted: boolean;
	    lastRun?: Run;
	    running: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.corpId = source["corpId"];
	        this.hasMirror = source["hasMirror"];
	        this.runId = source["runId"];
	        this.pulledAt = this.convertValues(source["pulledAt"], null);
	        this.departments = source["departments"];
	        this.users = source["users"];
	        this.privacyRestricted = source["privacyRestricted"];
	        this.lastRun = this.convertValues(source["lastRun"], Run);
	        this.running = source["running"];
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

export namespace oidc {
	
	export class Client {
	    clientId: string;
	    name: string;
	    corpId: number;
	    agentId: number;
	    redirectUris: string[];
	    logoutUris: string[];
	    createdBy: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Client(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.name = source["name"];
	        this.corpId = source["corpId"];
	        this.agentId = source["agentId"];
	        this.redirectUris = source["redirectUris"];
	        this.logoutUris = source["logoutUris"];
	        this.createdBy = source["createdBy"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class ClientInput {
	    name: string;
	    corpId: number;
	    agentId: number;
	    redirectUris: string[];
	    logoutUris: string[];
	
	    static createFrom(source: any = {}) {
	        return new ClientInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.corpId = source["corpId"];
	        this.agentId = source["agentId"];
	        this.redirectUris = source["redirectUris"];
	        this.logoutUris = source["logoutUris"];
	    }
	}
	export class Info {
	    issuer: string;
	    discovery: string;
	    authorize: string;
	    token: string;
	    userinfo: string;
	    keys: string;
	    endSession: string;
	    wecomRedirect: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.issuer = source["issuer"];
	        this.discovery = source["discovery"];
	        this.authorize = source["authorize"];
	        this.token = source["token"];
	        this.userinfo = source["userinfo"];
	        this.keys = source["keys"];
	        this.endSession = source["endSession"];
	        this.wecomRedirect = source["wecomRedirect"];
	    }
	}
	export class NewClient {
	    clientId: string;
	    name: string;
	    corpId: number;
	    agentId: number;
	    redirectUris: string[];
	    logoutUris: string[];
	    createdBy: string;
	    createdAt: string;
	    secret: string;
	
	    static createFrom(source: any = {}) {
	        return new NewClient(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.name = source["name"];
	        this.corpId = source["corpId"];
	        this.agentId = source["agentId"];
	        this.redirectUris = source["redirectUris"];
	        this.logoutUris = source["logoutUris"];
	        this.createdBy = source["createdBy"];
	        this.createdAt = source["createdAt"];
	        this.secret = source["secret"];
	    }
	}

}

export namespace push {
	
	export class KeyPermissions {
	    all: boolean;
	    departments: boolean;
	
	    static createFrom(source: any = {}) {
	        return new KeyPermissions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.all = source["all"];
	        this.departments = source["departments"];
	    }
	}
	export class APIKey {
	    id: number;
	    name: string;
	    prefix: string;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    last_used_at?: any;
	    // Go type: time
	    revoked_at?: any;
	    permissions: KeyPermissions;
	    corp_id: number;
	    corp_name: string;
	    note?: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new APIKey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.prefix = source["prefix"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.last_used_at = this.convertValues(source["last_used_at"], null);
	        this.revoked_at = this.convertValues(source["revoked_at"], null);
	        this.permissions = this.convertValues(source["permissions"], KeyPermissions);
	        this.corp_id = source["corp_id"];
	        this.corp_name = source["corp_name"];
	        this.note = this.convertValues(source["note"], usererr.Message);
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
	export class Button {
	    key: string;
	    text: string;
	    style?: number;
	
	    static createFrom(source: any = {}) {
	        return new Button(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.text = source["text"];
	        this.style = source["style"];
	    }
	}
	export class CardClick {
	    id: number;
	    deliveryId: number;
	    ruleName: string;
	    title: string;
	    source: string;
	    corpId: number;
	    agentId: number;
	    userid: string;
	    key: string;
	    buttonText: string;
	    // Go type: time
	    clickedAt: any;
	    cardState: string;
	    cardError: string;
	    webhookState: string;
	    webhookAttempts: number;
	    webhookStatus: number;
	    webhookError?: usererr.Message;
	    // Go type: time
	    webhookDoneAt?: any;
	    // Go type: time
	    webhookNextAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new CardClick(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.deliveryId = source["deliveryId"];
	        this.ruleName = source["ruleName"];
	        this.title = source["title"];
	        this.source = source["source"];
	        this.corpId = source["corpId"];
	        this.agentId = source["agentId"];
	        this.userid = source["userid"];
	        this.key = source["key"];
	        this.buttonText = source["buttonText"];
	        this.clickedAt = this.convertValues(source["clickedAt"], null);
	        this.cardState = source["cardState"];
	        this.cardError = source["cardError"];
	        this.webhookState = source["webhookState"];
	        this.webhookAttempts = source["webhookAttempts"];
	        this.webhookStatus = source["webhookStatus"];
	        this.webhookError = this.convertValues(source["webhookError"], usererr.Message);
	        this.webhookDoneAt = this.convertValues(source["webhookDoneAt"], null);
	        this.webhookNextAt = this.convertValues(source["webhookNextAt"], null);
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
	export class To {
	    accounts?: string[];
	    userids?: string[];
	    departments?: string[];
	
	    static createFrom(source: any = {}) {
	        return new To(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accounts = source["accounts"];
	        this.userids = source["userids"];
	        this.departments = source["departments"];
	    }
	}
	export class Input {
	    source: string;
	    title: string;
	    content?: string;
	    url?: string;
	    image_url?: string;
	    btntxt?: string;
	    to: To;
	    msgtype?: string;
	    idempotency_key?: string;
	    data?: Record<string, string>;
	    buttons?: Button[];
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.title = source["title"];
	        this.content = source["content"];
	        this.url = source["url"];
	        this.image_url = source["image_url"];
	        this.btntxt = source["btntxt"];
	        this.to = this.convertValues(source["to"], To);
	        this.msgtype = source["msgtype"];
	        this.idempotency_key = source["idempotency_key"];
	        this.data = source["data"];
	        this.buttons = this.convertValues(source["buttons"], Button);
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
	
	export class Recipient {
	    kind: string;
	    name: string;
	    userid: string;
	    state: string;
	
	    static createFrom(source: any = {}) {
	        return new Recipient(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.userid = source["userid"];
	        this.state = source["state"];
	    }
	}
	export class WebhookSummary {
	    state: string;
	    clicks: number;
	    delivered: number;
	    pending: number;
	    failed: number;
	    status?: number;
	    attempts?: number;
	    // Go type: time
	    next_at?: any;
	    error?: usererr.Message;
	    hint?: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new WebhookSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.clicks = source["clicks"];
	        this.delivered = source["delivered"];
	        this.pending = source["pending"];
	        this.failed = source["failed"];
	        this.status = source["status"];
	        this.attempts = source["attempts"];
	        this.next_at = this.convertValues(source["next_at"], null);
	        this.error = this.convertValues(source["error"], usererr.Message);
	        this.hint = this.convertValues(source["hint"], usererr.Message);
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
	export class LogDetail {
	    id: number;
	    message_id: number;
	    // Go type: time
	    time: any;
	    source: string;
	    rule_id?: number;
	    rule?: string;
	    corp_id?: number;
	    agent_id?: number;
	    msgtype: string;
	    title: string;
	    recipients: number;
	    to_all: boolean;
	    msgids: string[];
	    status: string;
	    errcode?: number;
	    error?: usererr.Message;
	    fix?: usererr.Message;
	    invalid_count: number;
	    invalid_users: string[];
	    invalid_parties: string[];
	    unlicensed_users: string[];
	    unbound_count: number;
	    unbound: string[];
	    truncated: boolean;
	    truncated_fields: string[];
	    attempts: number;
	    // Go type: time
	    sent_at?: any;
	    // Go type: time
	    recalled_at?: any;
	    recalled_by?: string;
	    recall_error?: string;
	    recall_allowed: boolean;
	    recall_reason?: usererr.Message;
	    webhook?: WebhookSummary;
	    recipient_list: Recipient[];
	    body?: number[];
	
	    static createFrom(source: any = {}) {
	        return new LogDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.message_id = source["message_id"];
	        this.time = this.convertValues(source["time"], null);
	        this.source = source["source"];
	        this.rule_id = source["rule_id"];
	        this.rule = source["rule"];
	        this.corp_id = source["corp_id"];
	        this.agent_id = source["agent_id"];
	        this.msgtype = source["msgtype"];
	        this.title = source["title"];
	        this.recipients = source["recipients"];
	        this.to_all = source["to_all"];
	        this.msgids = source["msgids"];
	        this.status = source["status"];
	        this.errcode = source["errcode"];
	        this.error = this.convertValues(source["error"], usererr.Message);
	        this.fix = this.convertValues(source["fix"], usererr.Message);
	        this.invalid_count = source["invalid_count"];
	        this.invalid_users = source["invalid_users"];
	        this.invalid_parties = source["invalid_parties"];
	        this.unlicensed_users = source["unlicensed_users"];
	        this.unbound_count = source["unbound_count"];
	        this.unbound = source["unbound"];
	        this.truncated = source["truncated"];
	        this.truncated_fields = source["truncated_fields"];
	        this.attempts = source["attempts"];
	        this.sent_at = this.convertValues(source["sent_at"], null);
	        this.recalled_at = this.convertValues(source["recalled_at"], null);
	        this.recalled_by = source["recalled_by"];
	        this.recall_error = source["recall_error"];
	        this.recall_allowed = source["recall_allowed"];
	        this.recall_reason = this.convertValues(source["recall_reason"], usererr.Message);
	        this.webhook = this.convertValues(source["webhook"], WebhookSummary);
	        this.recipient_list = this.convertValues(source["recipient_list"], Recipient);
	        this.body = source["body"];
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
	export class LogRow {
	    id: number;
	    message_id: number;
	    // Go type: time
	    time: any;
	    source: string;
	    rule_id?: number;
	    rule?: string;
	    corp_id?: number;
	    agent_id?: number;
	    msgtype: string;
	    title: string;
	    recipients: number;
	    to_all: boolean;
	    msgids: string[];
	    status: string;
	    errcode?: number;
	    error?: usererr.Message;
	    fix?: usererr.Message;
	    invalid_count: number;
	    invalid_users: string[];
	    invalid_parties: string[];
	    unlicensed_users: string[];
	    unbound_count: number;
	    unbound: string[];
	    truncated: boolean;
	    truncated_fields: string[];
	    attempts: number;
	    // Go type: time
	    sent_at?: any;
	    // Go type: time
	    recalled_at?: any;
	    recalled_by?: string;
	    recall_error?: string;
	    recall_allowed: boolean;
	    recall_reason?: usererr.Message;
	    webhook?: WebhookSummary;
	
	    static createFrom(source: any = {}) {
	        return new LogRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.message_id = source["message_id"];
	        this.time = this.convertValues(source["time"], null);
	        this.source = source["source"];
	        this.rule_id = source["rule_id"];
	        this.rule = source["rule"];
	        this.corp_id = source["corp_id"];
	        this.agent_id = source["agent_id"];
	        this.msgtype = source["msgtype"];
	        this.title = source["title"];
	        this.recipients = source["recipients"];
	        this.to_all = source["to_all"];
	        this.msgids = source["msgids"];
	        this.status = source["status"];
	        this.errcode = source["errcode"];
	        this.error = this.convertValues(source["error"], usererr.Message);
	        this.fix = this.convertValues(source["fix"], usererr.Message);
	        this.invalid_count = source["invalid_count"];
	        this.invalid_users = source["invalid_users"];
	        this.invalid_parties = source["invalid_parties"];
	        this.unlicensed_users = source["unlicensed_users"];
	        this.unbound_count = source["unbound_count"];
	        this.unbound = source["unbound"];
	        this.truncated = source["truncated"];
	        this.truncated_fields = source["truncated_fields"];
	        this.attempts = source["attempts"];
	        this.sent_at = this.convertValues(source["sent_at"], null);
	        this.recalled_at = this.convertValues(source["recalled_at"], null);
	        this.recalled_by = source["recalled_by"];
	        this.recall_error = source["recall_error"];
	        this.recall_allowed = source["recall_allowed"];
	        this.recall_reason = this.convertValues(source["recall_reason"], usererr.Message);
	        this.webhook = this.convertValues(source["webhook"], WebhookSummary);
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
	export class Page {
	    total: number;
	    total_capped: boolean;
	    rows: LogRow[];
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.total_capped = source["total_capped"];
	        this.rows = this.convertValues(source["rows"], LogRow);
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
	export class Preview {
	    target: number;
	    msgtype: string;
	    title: string;
	    message?: wecom.Message;
	    truncated: string[];
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	        this.msgtype = source["msgtype"];
	        this.title = source["title"];
	        this.message = this.convertValues(source["message"], wecom.Message);
	        this.truncated = source["truncated"];
	        this.error = source["error"];
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
	export class Query {
	    // Go type: time
	    from: any;
	    // Go type: time
	    to: any;
	    source: string;
	    status: string;
	    recipient: string;
	    search: string;
	    webhook: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = this.convertValues(source["from"], null);
	        this.to = this.convertValues(source["to"], null);
	        this.source = source["source"];
	        this.status = source["status"];
	        this.recipient = source["recipient"];
	        this.search = source["search"];
	        this.webhook = source["webhook"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
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
	export class RecallResult {
	    delivery_id: number;
	    ok: boolean;
	    refused?: boolean;
	    recalled: number;
	    error?: usererr.Message;
	    fix?: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new RecallResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.delivery_id = source["delivery_id"];
	        this.ok = source["ok"];
	        this.refused = source["refused"];
	        this.recalled = source["recalled"];
	        this.error = this.convertValues(source["error"], usererr.Message);
	        this.fix = this.convertValues(source["fix"], usererr.Message);
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
	
	export class Target {
	    id: number;
	    corp_id: number;
	    agent_id: number;
	    msgtype: string;
	    title: string;
	    content: string;
	    url: string;
	    button: string;
	    image: string;
	
	    static createFrom(source: any = {}) {
	        return new Target(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.corp_id = source["corp_id"];
	        this.agent_id = source["agent_id"];
	        this.msgtype = source["msgtype"];
	        this.title = source["title"];
	        this.content = source["content"];
	        this.url = source["url"];
	        this.button = source["button"];
	        this.image = source["image"];
	    }
	}
	export class Rule {
	    id: number;
	    name: string;
	    source: string;
	    enabled: boolean;
	    note?: usererr.Message;
	    targets: Target[];
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    updated_at: any;
	
	    static createFrom(source: any = {}) {
	        return new Rule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.source = source["source"];
	        this.enabled = source["enabled"];
	        this.note = this.convertValues(source["note"], usererr.Message);
	        this.targets = this.convertValues(source["targets"], Target);
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
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
	export class RuleWebhook {
	    ruleId: number;
	    ruleName: string;
	    source: string;
	    url: string;
	    hasSecret: boolean;
	    secretMask: string;
	    secret?: string;
	
	    static createFrom(source: any = {}) {
	        return new RuleWebhook(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ruleId = source["ruleId"];
	        this.ruleName = source["ruleName"];
	        this.source = source["source"];
	        this.url = source["url"];
	        this.hasSecret = source["hasSecret"];
	        this.secretMask = source["secretMask"];
	        this.secret = source["secret"];
	    }
	}
	export class Settings {
	    intake_enabled: boolean;
	    intake_addr: string;
	    strict_sources: boolean;
	    retention_days: number;
	    rate_per_second: number;
	    rate_burst: number;
	    max_users: number;
	    max_departments: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.intake_enabled = source["intake_enabled"];
	        this.intake_addr = source["intake_addr"];
	        this.strict_sources = source["strict_sources"];
	        this.retention_days = source["retention_days"];
	        this.rate_per_second = source["rate_per_second"];
	        this.rate_burst = source["rate_burst"];
	        this.max_users = source["max_users"];
	        this.max_departments = source["max_departments"];
	    }
	}
	export class StatsBucket {
	    key: string;
	    sent: number;
	    recalled: number;
	    failed: number;
	    no_rule: number;
	
	    static createFrom(source: any = {}) {
	        return new StatsBucket(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.sent = source["sent"];
	        this.recalled = source["recalled"];
	        this.failed = source["failed"];
	        this.no_rule = source["no_rule"];
	    }
	}
	
	

}

export namespace review {
	
	export class AuditEntry {
	    id: number;
	    at: string;
	    actor: string;
	    action: string;
	    account: string;
	    userid: string;
	    fromState: string;
	    fromMethod: string;
	    toState: string;
	    toMethod: string;
	    note: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.actor = source["actor"];
	        this.action = source["action"];
	        this.account = source["account"];
	        this.userid = source["userid"];
	        this.fromState = source["fromState"];
	        this.fromMethod = source["fromMethod"];
	        this.toState = source["toState"];
	        this.toMethod = source["toMethod"];
	        this.note = this.convertValues(source["note"], usererr.Message);
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
	export class AuditPage {
	    total: number;
	    entries: AuditEntry[];
	
	    static createFrom(source: any = {}) {
	        return new AuditPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.entries = this.convertValues(source["entries"], AuditEntry);
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
	export class AuditQuery {
	    offset: number;
	    limit: number;
	    account: string;
	    userid: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.account = source["account"];
	        this.userid = source["userid"];
	    }
	}
	export class Candidate {
	    account?: string;
	    userid?: string;
	    name?: string;
	    dept?: string;
	    mainDept?: string;
	    position?: string;
	    mobile?: string;
	    method?: string;
	    score?: number;
	    boundTo?: string;
	
	    static createFrom(source: any = {}) {
	        return new Candidate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.userid = source["userid"];
	        this.name = source["name"];
	        this.dept = source["dept"];
	        this.mainDept = source["mainDept"];
	        this.position = source["position"];
	        this.mobile = source["mobile"];
	        this.method = source["method"];
	        this.score = source["score"];
	        this.boundTo = source["boundTo"];
	    }
	}
	export class CandidateList {
	    rowId: number;
	    candidates: Candidate[];
	    more: number;
	
	    static createFrom(source: any = {}) {
	        return new CandidateList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rowId = source["rowId"];
	        this.candidates = this.convertValues(source["candidates"], Candidate);
	        this.more = source["more"];
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
	export class MethodCount {
	    method: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new MethodCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.count = source["count"];
	    }
	}
	export class HighConfidence {
	    minConfidence: number;
	    total: number;
	    byMethod: MethodCount[];
	
	    static createFrom(source: any = {}) {
	        return new HighConfidence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.minConfidence = source["minConfidence"];
	        this.total = source["total"];
	        this.byMethod = this.convertValues(source["byMethod"], MethodCount);
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
	export class ImportPair {
	    line: number;
	    key: string;
	    account: string;
	    userid: string;
	    localName: string;
	    wecomName: string;
	    replaces?: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportPair(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.key = source["key"];
	        this.account = source["account"];
	        this.userid = source["userid"];
	        this.localName = source["localName"];
	        this.wecomName = source["wecomName"];
	        this.replaces = source["replaces"];
	    }
	}
	export class ImportReject {
	    line: number;
	    key: string;
	    userid: string;
	    reason: string;
	    reason_code?: string;
	    reason_args: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new ImportReject(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.key = source["key"];
	        this.userid = source["userid"];
	        this.reason = source["reason"];
	        this.reason_code = source["reason_code"];
	        this.reason_args = source["reason_args"];
	    }
	}
	export class ImportPreview {
	    id: number;
	    corpId: number;
	    keyField: string;
	    format: string;
	    toBind: ImportPair[];
	    rejected: ImportReject[];
	    unchanged: number;
	    skipped: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.corpId = source["corpId"];
	        this.keyField = source["keyField"];
	        this.format = source["format"];
	        this.toBind = this.convertValues(source["toBind"], ImportPair);
	        this.rejected = this.convertValues(source["rejected"], ImportReject);
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
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
	
	export class LookupStats {
	    via: string;
	    wanted: number;
	    cached: number;
	    calls: number;
	    found: number;
	    failed: number;
	    skipped: number;
	    stopped?: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new LookupStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.via = source["via"];
	        this.wanted = source["wanted"];
	        this.cached = source["cached"];
	        this.calls = source["calls"];
	        this.found = source["found"];
	        this.failed = source["failed"];
	        this.skipped = source["skipped"];
	        this.stopped = this.convertValues(source["stopped"], usererr.Message);
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
	
	export class Row {
	    id: number;
	    state: string;
	    method?: string;
	    confidence: number;
	    reason?: string;
	    reason_code?: string;
	    reason_args: Record<string, string>;
	    account?: string;
	    localName?: string;
	    localDept?: string;
	    localMobile?: string;
	    localPosition?: string;
	    localResigned?: boolean;
	    userid?: string;
	    wecomName?: string;
	    wecomDept?: string;
	    wecomMobile?: string;
	    wecomPosition?: string;
	    wecomInactive?: boolean;
	    anchor?: string;
	    conflicts: string[];
	    candidates: Candidate[];
	    moreCandidates?: number;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.state = source["state"];
	        this.method = source["method"];
	        this.confidence = source["confidence"];
	        this.reason = source["reason"];
	        this.reason_code = source["reason_code"];
	        this.reason_args = source["reason_args"];
	        this.account = source["account"];
	        this.localName = source["localName"];
	        this.localDept = source["localDept"];
	        this.localMobile = source["localMobile"];
	        this.localPosition = source["localPosition"];
	        this.localResigned = source["localResigned"];
	        this.userid = source["userid"];
	        this.wecomName = source["wecomName"];
	        this.wecomDept = source["wecomDept"];
	        this.wecomMobile = source["wecomMobile"];
	        this.wecomPosition = source["wecomPosition"];
	        this.wecomInactive = source["wecomInactive"];
	        this.anchor = source["anchor"];
	        this.conflicts = source["conflicts"];
	        this.candidates = this.convertValues(source["candidates"], Candidate);
	        this.moreCandidates = source["moreCandidates"];
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
	export class Page {
	    total: number;
	    rows: Row[];
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.rows = this.convertValues(source["rows"], Row);
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
	export class Person {
	    account?: string;
	    userid?: string;
	    name: string;
	    dept?: string;
	    mobile?: string;
	    position?: string;
	    inactive?: boolean;
	    state: string;
	    boundTo?: string;
	    rowId?: number;
	
	    static createFrom(source: any = {}) {
	        return new Person(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.userid = source["userid"];
	        this.name = source["name"];
	        this.dept = source["dept"];
	        this.mobile = source["mobile"];
	        this.position = source["position"];
	        this.inactive = source["inactive"];
	        this.state = source["state"];
	        this.boundTo = source["boundTo"];
	        this.rowId = source["rowId"];
	    }
	}
	export class Query {
	    filter: string;
	    search: string;
	    method: string;
	    offset: number;
	    limit: number;
	    sort: string;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = source["filter"];
	        this.search = source["search"];
	        this.method = source["method"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.sort = source["sort"];
	    }
	}
	
	export class Summary {
	    membersPulled: number;
	    localAccounts: number;
	    toConfirm: number;
	    ambiguous: number;
	    confirmed: number;
	    rejected: number;
	    unboundLocal: number;
	    unboundWecom: number;
	    conflicts: number;
	    toCreate: number;
	    skippedLocals: number;
	    skippedMembers: number;
	    staleDecisions: number;
	    matchedAt: string;
	    matchedBy: string;
	    lookups: LookupStats;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.membersPulled = source["membersPulled"];
	        this.localAccounts = source["localAccounts"];
	        this.toConfirm = source["toConfirm"];
	        this.ambiguous = source["ambiguous"];
	        this.confirmed = source["confirmed"];
	        this.rejected = source["rejected"];
	        this.unboundLocal = source["unboundLocal"];
	        this.unboundWecom = source["unboundWecom"];
	        this.conflicts = source["conflicts"];
	        this.toCreate = source["toCreate"];
	        this.skippedLocals = source["skippedLocals"];
	        this.skippedMembers = source["skippedMembers"];
	        this.staleDecisions = source["staleDecisions"];
	        this.matchedAt = source["matchedAt"];
	        this.matchedBy = source["matchedBy"];
	        this.lookups = this.convertValues(source["lookups"], LookupStats);
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
	    commit: string;
	    buildDate: string;
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
	        this.commit = source["commit"];
	        this.buildDate = source["buildDate"];
	        this.dataDir = source["dataDir"];
	        this.dbPath = source["dbPath"];
	        this.dbSizeBytes = source["dbSizeBytes"];
	        this.mode = source["mode"];
	        this.language = source["language"];
	    }
	}
	export class ApplyStart {
	    outcome: string;
	    message?: usererr.Message;
	    confirmRemovals?: number;
	    confirmCreates?: number;
	    runId?: number;
	    jobId?: string;
	
	    static createFrom(source: any = {}) {
	        return new ApplyStart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.outcome = source["outcome"];
	        this.message = this.convertValues(source["message"], usererr.Message);
	        this.confirmRemovals = source["confirmRemovals"];
	        this.confirmCreates = source["confirmCreates"];
	        this.runId = source["runId"];
	        this.jobId = source["jobId"];
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
	export class BackupSettings {
	    daily: boolean;
	    keep: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.daily = source["daily"];
	        this.keep = source["keep"];
	    }
	}
	export class BackupState {
	    daily: boolean;
	    keep: number;
	    dir: string;
	    archives: backup.Archive[];
	
	    static createFrom(source: any = {}) {
	        return new BackupState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.daily = source["daily"];
	        this.keep = source["keep"];
	        this.dir = source["dir"];
	        this.archives = this.convertValues(source["archives"], backup.Archive);
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
	export class ImportPreview {
	    preview?: directory.Preview;
	    addCount: number;
	    updateCount: number;
	    resignRows: number;
	    rejectCount: number;
	    rowsCappedAt: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preview = this.convertValues(source["preview"], directory.Preview);
	        this.addCount = source["addCount"];
	        this.updateCount = source["updateCount"];
	        this.resignRows = source["resignRows"];
	        this.rejectCount = source["rejectCount"];
	        this.rowsCappedAt = source["rowsCappedAt"];
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
	export class NewAPIKey {
	    key: push.APIKey;
	    secret: string;
	
	    static createFrom(source: any = {}) {
	        return new NewAPIKey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = this.convertValues(source["key"], push.APIKey);
	        this.secret = source["secret"];
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
	export class Step {
	    key: string;
	    done: boolean;
	    count: number;
	    detail: string;
	    facts: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new Step(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.done = source["done"];
	        this.count = source["count"];
	        this.detail = source["detail"];
	        this.facts = source["facts"];
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

export namespace syncer {
	
	export class Summary {
	    counts: Record<string, number>;
	    total: number;
	    removals: number;
	    sourceUsers: number;
	    targetUsers: number;
	    usersAfter: number;
	    notCreated: number;
	    untouched: number;
	    warnings: number;
	    unconfirmed: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.counts = source["counts"];
	        this.total = source["total"];
	        this.removals = source["removals"];
	        this.sourceUsers = source["sourceUsers"];
	        this.targetUsers = source["targetUsers"];
	        this.usersAfter = source["usersAfter"];
	        this.notCreated = source["notCreated"];
	        this.untouched = source["untouched"];
	        this.warnings = source["warnings"];
	        this.unconfirmed = source["unconfirmed"];
	    }
	}
	export class HistoryEntry {
	    planId: number;
	    runId?: number;
	    corpId: number;
	    direction: string;
	    kind: string;
	    status: string;
	    trigger: string;
	    startedBy: string;
	    // Go type: time
	    startedAt: any;
	    durationMs: number;
	    summary: Summary;
	    blocked: boolean;
	    hardBlocked: boolean;
	    total: number;
	    done: number;
	    failed: number;
	
	    static createFrom(source: any = {}) {
	        return new HistoryEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.planId = source["planId"];
	        this.runId = source["runId"];
	        this.corpId = source["corpId"];
	        this.direction = source["direction"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.trigger = source["trigger"];
	        this.startedBy = source["startedBy"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.durationMs = source["durationMs"];
	        this.summary = this.convertValues(source["summary"], Summary);
	        this.blocked = source["blocked"];
	        this.hardBlocked = source["hardBlocked"];
	        this.total = source["total"];
	        this.done = source["done"];
	        this.failed = source["failed"];
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
	export class HistoryPage {
	    entries: HistoryEntry[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new HistoryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], HistoryEntry);
	        this.total = source["total"];
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
	export class HistoryQuery {
	    direction: string;
	    kind: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new HistoryQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.direction = source["direction"];
	        this.kind = source["kind"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class Ref {
	    id?: number;
	    key?: string;
	    path?: string;
	
	    static createFrom(source: any = {}) {
	        return new Ref(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.key = source["key"];
	        this.path = source["path"];
	    }
	}
	export class Values {
	    id?: number;
	    userid?: string;
	    account?: string;
	    name?: string;
	    parent?: Ref;
	    path?: string;
	    position?: string;
	    mobile?: string;
	    email?: string;
	    alias?: string;
	    employeeNo?: string;
	    extattrs?: Record<string, string>;
	    departments?: Ref[];
	    enable?: number;
	    status?: number;
	    toInvite?: boolean;
	    resigned?: boolean;
	    disabledAt?: string;
	
	    static createFrom(source: any = {}) {
	        return new Values(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.userid = source["userid"];
	        this.account = source["account"];
	        this.name = source["name"];
	        this.parent = this.convertValues(source["parent"], Ref);
	        this.path = source["path"];
	        this.position = source["position"];
	        this.mobile = source["mobile"];
	        this.email = source["email"];
	        this.alias = source["alias"];
	        this.employeeNo = source["employeeNo"];
	        this.extattrs = source["extattrs"];
	        this.departments = this.convertValues(source["departments"], Ref);
	        this.enable = source["enable"];
	        this.status = source["status"];
	        this.toInvite = source["toInvite"];
	        this.resigned = source["resigned"];
	        this.disabledAt = source["disabledAt"];
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
	export class Op {
	    seq: number;
	    type: string;
	    phase: number;
	    key?: string;
	    deps?: string[];
	    target: string;
	    path?: string;
	    node?: string;
	    before?: Values;
	    after?: Values;
	    reason: string;
	    detail?: string;
	    why: usererr.Message;
	    state: string;
	    attempts?: number;
	    resultId?: number;
	    note?: usererr.Message;
	    errcode?: number;
	    errmsg?: string;
	    fix?: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new Op(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.type = source["type"];
	        this.phase = source["phase"];
	        this.key = source["key"];
	        this.deps = source["deps"];
	        this.target = source["target"];
	        this.path = source["path"];
	        this.node = source["node"];
	        this.before = this.convertValues(source["before"], Values);
	        this.after = this.convertValues(source["after"], Values);
	        this.reason = source["reason"];
	        this.detail = source["detail"];
	        this.why = this.convertValues(source["why"], usererr.Message);
	        this.state = source["state"];
	        this.attempts = source["attempts"];
	        this.resultId = source["resultId"];
	        this.note = this.convertValues(source["note"], usererr.Message);
	        this.errcode = source["errcode"];
	        this.errmsg = source["errmsg"];
	        this.fix = this.convertValues(source["fix"], usererr.Message);
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
	export class OpPage {
	    ops: Op[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new OpPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ops = this.convertValues(source["ops"], Op);
	        this.total = source["total"];
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
	export class OpQuery {
	    type: string;
	    state: string;
	    search: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new OpQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.state = source["state"];
	        this.search = source["search"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class Schedule {
	    cron: string;
	    forceCron: string;
	    notify: string[];
	    autoApply: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Schedule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cron = source["cron"];
	        this.forceCron = source["forceCron"];
	        this.notify = source["notify"];
	        this.autoApply = source["autoApply"];
	    }
	}
	export class Safety {
	    maxRemovals: number;
	    maxRemovalPercent: number;
	    maxUserDrop: number;
	    maxCreates: number;
	    maxGrowthPercent: number;
	
	    static createFrom(source: any = {}) {
	        return new Safety(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.maxRemovals = source["maxRemovals"];
	        this.maxRemovalPercent = source["maxRemovalPercent"];
	        this.maxUserDrop = source["maxUserDrop"];
	        this.maxCreates = source["maxCreates"];
	        this.maxGrowthPercent = source["maxGrowthPercent"];
	    }
	}
	export class Scope {
	    departments: string[];
	    includeUsers: string[];
	    excludeUsers: string[];
	
	    static createFrom(source: any = {}) {
	        return new Scope(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.departments = source["departments"];
	        this.includeUsers = source["includeUsers"];
	        this.excludeUsers = source["excludeUsers"];
	    }
	}
	export class Options {
	    topDepartment: number;
	    createUsers: boolean;
	    invite: boolean;
	    includePartTime: boolean;
	    deptAuthority: boolean;
	    leavers: string;
	    deleteAfterDays: number;
	    moveDisabled: boolean;
	    disabledDept: string;
	    createAccounts: boolean;
	    resignLeavers: boolean;
	    syncDepartments: boolean;
	    manageKeyMatches: boolean;
	    refreshMinutes: number;
	    fields: Record<string, string>;
	    scope: Scope;
	    safety: Safety;
	    schedule: Schedule;
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topDepartment = source["topDepartment"];
	        this.createUsers = source["createUsers"];
	        this.invite = source["invite"];
	        this.includePartTime = source["includePartTime"];
	        this.deptAuthority = source["deptAuthority"];
	        this.leavers = source["leavers"];
	        this.deleteAfterDays = source["deleteAfterDays"];
	        this.moveDisabled = source["moveDisabled"];
	        this.disabledDept = source["disabledDept"];
	        this.createAccounts = source["createAccounts"];
	        this.resignLeavers = source["resignLeavers"];
	        this.syncDepartments = source["syncDepartments"];
	        this.manageKeyMatches = source["manageKeyMatches"];
	        this.refreshMinutes = source["refreshMinutes"];
	        this.fields = source["fields"];
	        this.scope = this.convertValues(source["scope"], Scope);
	        this.safety = this.convertValues(source["safety"], Safety);
	        this.schedule = this.convertValues(source["schedule"], Schedule);
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
	export class PendingPair {
	    state: string;
	    method?: string;
	    account?: string;
	    userid?: string;
	    candidates: string[];
	
	    static createFrom(source: any = {}) {
	        return new PendingPair(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.method = source["method"];
	        this.account = source["account"];
	        this.userid = source["userid"];
	        this.candidates = source["candidates"];
	    }
	}
	export class PendingPreview {
	    planId: number;
	    corpId: number;
	    corpName: string;
	    corpDemo: boolean;
	    direction: string;
	    trigger: string;
	    // Go type: time
	    createdAt: any;
	    total: number;
	    removals: number;
	    blocked: boolean;
	    why: usererr.Message;
	
	    static createFrom(source: any = {}) {
	        return new PendingPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.planId = source["planId"];
	        this.corpId = source["corpId"];
	        this.corpName = source["corpName"];
	        this.corpDemo = source["corpDemo"];
	        this.direction = source["direction"];
	        this.trigger = source["trigger"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.total = source["total"];
	        this.removals = source["removals"];
	        this.blocked = source["blocked"];
	        this.why = this.convertValues(source["why"], usererr.Message);
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
	export class StopError {
	    code: string;
	    args: Record<string, any>;
	    zh: string;
	    en: string;
	
	    static createFrom(source: any = {}) {
	        return new StopError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.args = source["args"];
	        this.zh = source["zh"];
	        this.en = source["en"];
	    }
	}
	export class Warning {
	    code: string;
	    args: Record<string, any>;
	    zh: string;
	    en: string;
	    subject?: string;
	
	    static createFrom(source: any = {}) {
	        return new Warning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.args = source["args"];
	        this.zh = source["zh"];
	        this.en = source["en"];
	        this.subject = source["subject"];
	    }
	}
	export class Plan {
	    id: number;
	    corpId: number;
	    direction: string;
	    status: string;
	    fingerprint: string;
	    options: Options;
	    summary: Summary;
	    blocked: boolean;
	    confirmRemovals: boolean;
	    confirmCreates: boolean;
	    hardBlocked: boolean;
	    reasons: Warning[];
	    warnings: Warning[];
	    untouched: PendingPair[];
	    // Go type: time
	    wecomReadAt: any;
	    stop?: StopError;
	    trigger: string;
	    createdBy: string;
	    // Go type: time
	    createdAt: any;
	    durationMs: number;
	    runId?: number;
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.corpId = source["corpId"];
	        this.direction = source["direction"];
	        this.status = source["status"];
	        this.fingerprint = source["fingerprint"];
	        this.options = this.convertValues(source["options"], Options);
	        this.summary = this.convertValues(source["summary"], Summary);
	        this.blocked = source["blocked"];
	        this.confirmRemovals = source["confirmRemovals"];
	        this.confirmCreates = source["confirmCreates"];
	        this.hardBlocked = source["hardBlocked"];
	        this.reasons = this.convertValues(source["reasons"], Warning);
	        this.warnings = this.convertValues(source["warnings"], Warning);
	        this.untouched = this.convertValues(source["untouched"], PendingPair);
	        this.wecomReadAt = this.convertValues(source["wecomReadAt"], null);
	        this.stop = this.convertValues(source["stop"], StopError);
	        this.trigger = source["trigger"];
	        this.createdBy = source["createdBy"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.durationMs = source["durationMs"];
	        this.runId = source["runId"];
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
	export class ReadBack {
	    apiCalls: number;
	    checked: number;
	    notApplied: number;
	    drift: number;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new ReadBack(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.apiCalls = source["apiCalls"];
	        this.checked = source["checked"];
	        this.notApplied = source["notApplied"];
	        this.drift = source["drift"];
	        this.error = source["error"];
	    }
	}
	
	export class Run {
	    id: number;
	    planId: number;
	    corpId: number;
	    direction: string;
	    status: string;
	    trigger: string;
	    startedBy: string;
	    // Go type: time
	    startedAt: any;
	    // Go type: time
	    finishedAt: any;
	    durationMs: number;
	    total: number;
	    done: number;
	    failed: number;
	    resumes: number;
	    error?: usererr.Message;
	    notApplied: number;
	    readBack?: ReadBack;
	
	    static createFrom(source: any = {}) {
	        return new Run(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.planId = source["planId"];
	        this.corpId = source["corpId"];
	        this.direction = source["direction"];
	        this.status = source["status"];
	        this.trigger = source["trigger"];
	        this.startedBy = source["startedBy"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.finishedAt = this.convertValues(source["finishedAt"], null);
	        this.durationMs = source["durationMs"];
	        this.total = source["total"];
	        this.done = source["done"];
	        this.failed = source["failed"];
	        this.resumes = source["resumes"];
	        this.error = this.convertValues(source["error"], usererr.Message);
	        this.notApplied = source["notApplied"];
	        this.readBack = this.convertValues(source["readBack"], ReadBack);
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
	
	
	
	
	
	export class TreeNode {
	    key: string;
	    parentKey: string;
	    name: string;
	    state: string;
	    from?: string;
	    to?: string;
	    localId?: number;
	    wecomId?: number;
	    added: number;
	    updated: number;
	    removed: number;
	    children: number;
	
	    static createFrom(source: any = {}) {
	        return new TreeNode(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.parentKey = source["parentKey"];
	        this.name = source["name"];
	        this.state = source["state"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.localId = source["localId"];
	        this.wecomId = source["wecomId"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.removed = source["removed"];
	        this.children = source["children"];
	    }
	}
	

}

export namespace usererr {
	
	export class Message {
	    code: string;
	    args: Record<string, any>;
	    zh: string;
	    en: string;
	
	    static createFrom(source: any = {}) {
	        return new Message(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.args = source["args"];
	        this.zh = source["zh"];
	        this.en = source["en"];
	    }
	}

}

export namespace wecom {
	
	export class Article {
	    title: string;
	    description?: string;
	    url?: string;
	    picurl?: string;
	    appid?: string;
	    pagepath?: string;
	
	    static createFrom(source: any = {}) {
	        return new Article(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.description = source["description"];
	        this.url = source["url"];
	        this.picurl = source["picurl"];
	        this.appid = source["appid"];
	        this.pagepath = source["pagepath"];
	    }
	}
	export class CardAction {
	    type: number;
	    url?: string;
	    appid?: string;
	    pagepath?: string;
	
	    static createFrom(source: any = {}) {
	        return new CardAction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.url = source["url"];
	        this.appid = source["appid"];
	        this.pagepath = source["pagepath"];
	    }
	}
	export class CardActionItem {
	    text: string;
	    key: string;
	
	    static createFrom(source: any = {}) {
	        return new CardActionItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.key = source["key"];
	    }
	}
	export class CardActionMenu {
	    desc?: string;
	    action_list: CardActionItem[];
	
	    static createFrom(source: any = {}) {
	        return new CardActionMenu(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.desc = source["desc"];
	        this.action_list = this.convertValues(source["action_list"], CardActionItem);
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
	export class CardButton {
	    type?: number;
	    text: string;
	    style?: number;
	    key?: string;
	    url?: string;
	
	    static createFrom(source: any = {}) {
	        return new CardButton(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.text = source["text"];
	        this.style = source["style"];
	        this.key = source["key"];
	        this.url = source["url"];
	    }
	}
	export class CardOption {
	    id: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new CardOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	    }
	}
	export class CardButtonSelection {
	    question_key: string;
	    title?: string;
	    option_list: CardOption[];
	    selected_id?: string;
	
	    static createFrom(source: any = {}) {
	        return new CardButtonSelection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.question_key = source["question_key"];
	        this.title = source["title"];
	        this.option_list = this.convertValues(source["option_list"], CardOption);
	        this.selected_id = source["selected_id"];
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
	export class CardEmphasis {
	    title?: string;
	    desc?: string;
	
	    static createFrom(source: any = {}) {
	        return new CardEmphasis(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.desc = source["desc"];
	    }
	}
	export class CardHorizontal {
	    type?: number;
	    keyname: string;
	    value?: string;
	    url?: string;
	    media_id?: string;
	    userid?: string;
	
	    static createFrom(source: any = {}) {
	        return new CardHorizontal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.keyname = source["keyname"];
	        this.value = source["value"];
	        this.url = source["url"];
	        this.media_id = source["media_id"];
	        this.userid = source["userid"];
	    }
	}
	export class CardImage {
	    url: string;
	    aspect_ratio?: number;
	
	    static createFrom(source: any = {}) {
	        return new CardImage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.aspect_ratio = source["aspect_ratio"];
	    }
	}
	export class CardImageTextArea {
	    type?: number;
	    url?: string;
	    appid?: string;
	    pagepath?: string;
	    title?: string;
	    desc?: string;
	    image_url: string;
	
	    static createFrom(source: any = {}) {
	        return new CardImageTextArea(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.url = source["url"];
	        this.appid = source["appid"];
	        this.pagepath = source["pagepath"];
	        this.title = source["title"];
	        this.desc = source["desc"];
	        this.image_url = source["image_url"];
	    }
	}
	export class CardJump {
	    type?: number;
	    title: string;
	    url?: string;
	    appid?: string;
	    pagepath?: string;
	
	    static createFrom(source: any = {}) {
	        return new CardJump(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.title = source["title"];
	        this.url = source["url"];
	        this.appid = source["appid"];
	        this.pagepath = source["pagepath"];
	    }
	}
	export class CardMainTitle {
	    title?: string;
	    desc?: string;
	
	    static createFrom(source: any = {}) {
	        return new CardMainTitle(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.desc = source["desc"];
	    }
	}
	
	export class CardQuoteArea {
	    type?: number;
	    url?: string;
	    appid?: string;
	    pagepath?: string;
	    title?: string;
	    quote_text?: string;
	
	    static createFrom(source: any = {}) {
	        return new CardQuoteArea(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.url = source["url"];
	        this.appid = source["appid"];
	        this.pagepath = source["pagepath"];
	        this.title = source["title"];
	        this.quote_text = source["quote_text"];
	    }
	}
	export class CardSource {
	    icon_url?: string;
	    desc?: string;
	    desc_color?: number;
	
	    static createFrom(source: any = {}) {
	        return new CardSource(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.icon_url = source["icon_url"];
	        this.desc = source["desc"];
	        this.desc_color = source["desc_color"];
	    }
	}
	export class CardVertical {
	    title: string;
	    desc?: string;
	
	    static createFrom(source: any = {}) {
	        return new CardVertical(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.desc = source["desc"];
	    }
	}
	export class Invite {
	    user?: string[];
	    party?: number[];
	    tag?: number[];
	
	    static createFrom(source: any = {}) {
	        return new Invite(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.user = source["user"];
	        this.party = source["party"];
	        this.tag = source["tag"];
	    }
	}
	export class InviteResult {
	    invaliduser: string[];
	    invalidparty: number[];
	    invalidtag: number[];
	
	    static createFrom(source: any = {}) {
	        return new InviteResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.invaliduser = source["invaliduser"];
	        this.invalidparty = source["invalidparty"];
	        this.invalidtag = source["invalidtag"];
	    }
	}
	export class Markdown {
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new Markdown(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.content = source["content"];
	    }
	}
	export class TemplateCard {
	    card_type: string;
	    source?: CardSource;
	    action_menu?: CardActionMenu;
	    task_id?: string;
	    main_title?: CardMainTitle;
	    emphasis_content?: CardEmphasis;
	    quote_area?: CardQuoteArea;
	    sub_title_text?: string;
	    horizontal_content_list?: CardHorizontal[];
	    jump_list?: CardJump[];
	    card_action?: CardAction;
	    card_image?: CardImage;
	    image_text_area?: CardImageTextArea;
	    vertical_content_list?: CardVertical[];
	    button_selection?: CardButtonSelection;
	    button_list?: CardButton[];
	
	    static createFrom(source: any = {}) {
	        return new TemplateCard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.card_type = source["card_type"];
	        this.source = this.convertValues(source["source"], CardSource);
	        this.action_menu = this.convertValues(source["action_menu"], CardActionMenu);
	        this.task_id = source["task_id"];
	        this.main_title = this.convertValues(source["main_title"], CardMainTitle);
	        this.emphasis_content = this.convertValues(source["emphasis_content"], CardEmphasis);
	        this.quote_area = this.convertValues(source["quote_area"], CardQuoteArea);
	        this.sub_title_text = source["sub_title_text"];
	        this.horizontal_content_list = this.convertValues(source["horizontal_content_list"], CardHorizontal);
	        this.jump_list = this.convertValues(source["jump_list"], CardJump);
	        this.card_action = this.convertValues(source["card_action"], CardAction);
	        this.card_image = this.convertValues(source["card_image"], CardImage);
	        this.image_text_area = this.convertValues(source["image_text_area"], CardImageTextArea);
	        this.vertical_content_list = this.convertValues(source["vertical_content_list"], CardVertical);
	        this.button_selection = this.convertValues(source["button_selection"], CardButtonSelection);
	        this.button_list = this.convertValues(source["button_list"], CardButton);
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
	export class News {
	    articles: Article[];
	
	    static createFrom(source: any = {}) {
	        return new News(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.articles = this.convertValues(source["articles"], Article);
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
	export class TextCard {
	    title: string;
	    description: string;
	    url: string;
	    btntxt?: string;
	
	    static createFrom(source: any = {}) {
	        return new TextCard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.description = source["description"];
	        this.url = source["url"];
	        this.btntxt = source["btntxt"];
	    }
	}
	export class Text {
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new Text(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.content = source["content"];
	    }
	}
	export class Message {
	    touser?: string;
	    toparty?: string;
	    totag?: string;
	    msgtype: string;
	    agentid: number;
	    text?: Text;
	    textcard?: TextCard;
	    news?: News;
	    markdown?: Markdown;
	    template_card?: TemplateCard;
	    safe?: number;
	    enable_id_trans?: number;
	    enable_duplicate_check?: number;
	    duplicate_check_interval?: number;
	
	    static createFrom(source: any = {}) {
	        return new Message(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.touser = source["touser"];
	        this.toparty = source["toparty"];
	        this.totag = source["totag"];
	        this.msgtype = source["msgtype"];
	        this.agentid = source["agentid"];
	        this.text = this.convertValues(source["text"], Text);
	        this.textcard = this.convertValues(source["textcard"], TextCard);
	        this.news = this.convertValues(source["news"], News);
	        this.markdown = this.convertValues(source["markdown"], Markdown);
	        this.template_card = this.convertValues(source["template_card"], TemplateCard);
	        this.safe = source["safe"];
	        this.enable_id_trans = source["enable_id_trans"];
	        this.enable_duplicate_check = source["enable_duplicate_check"];
	        this.duplicate_check_interval = source["duplicate_check_interval"];
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

