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

