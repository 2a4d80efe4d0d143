package callback

import (
	"context"
	"sync"
	"time"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/wecom/wxcrypt"
)

// endpointTTL is how long a POST reuses an endpoint's Token/EncodingAESKey
// (three database reads and several vault decryptions per request
// otherwise, at up to 200 requests a second). WeCom's URL check (GET)
// always reads them afresh, so new keys saved in Setup pass it at once.
const endpointTTL = time.Second

// maxCachedEndpoints bounds the cache; only endpoints that resolved are
// kept, so its size follows the corps' apps, not the URLs requested.
const maxCachedEndpoints = 256

type endpointKey struct {
	key     string
	agentID int64
}

type cachedEndpoint struct {
	cfg     *corp.CallbackConfig
	crypt   *wxcrypt.Crypt
	expires time.Time
}

type endpointCache struct {
	mu sync.Mutex
	m  map[endpointKey]cachedEndpoint
}

func (c *endpointCache) get(k endpointKey, now time.Time) (cachedEndpoint, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok || now.After(e.expires) {
		return cachedEndpoint{}, false
	}
	return e, true
}

func (c *endpointCache) put(k endpointKey, e cachedEndpoint) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxCachedEndpoints {
		c.m = map[endpointKey]cachedEndpoint{}
	}
	c.m[k] = e
}

// resolve finds the endpoint's config and cipher: from the cache for a
// POST, from the database for a GET. A failure is returned with the config
// (when it was found) for the refusal's counts.
func (s *Service) resolve(ctx context.Context, key string, agentID int64, fresh bool) (*corp.CallbackConfig, *wxcrypt.Crypt, error) {
	k := endpointKey{key, agentID}
	now := time.Now()
	if !fresh {
		if e, ok := s.epCache.get(k, now); ok {
			return e.cfg, e.crypt, nil
		}
	}
	cfg, err := s.configs.CallbackConfig(ctx, key, agentID)
	if err != nil {
		return cfg, nil, err
	}
	c, err := wxcrypt.New(cfg.Token, cfg.EncodingAESKey, cfg.CorpID)
	if err != nil {
		return cfg, nil, errBadAESKey
	}
	s.epCache.put(k, cachedEndpoint{cfg: cfg, crypt: c, expires: now.Add(endpointTTL)})
	return cfg, c, nil
}
