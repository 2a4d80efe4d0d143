package wecom

import "context"

// GetAPIDomainIP calls get_api_domain_ip: the IPs of qyapi.weixin.qq.com, for
// outbound firewall rules. They change; WeCom suggests fetching them daily.
func (c *Client) GetAPIDomainIP(ctx context.Context, cred Credential) ([]string, error) {
	return c.ipList(ctx, cred, "get_api_domain_ip")
}

// GetCallbackIP calls getcallbackip: the source IPs of WeCom's callbacks.
func (c *Client) GetCallbackIP(ctx context.Context, cred Credential) ([]string, error) {
	return c.ipList(ctx, cred, "getcallbackip")
}

func (c *Client) ipList(ctx context.Context, cred Credential, api string) ([]string, error) {
	var out struct {
		IPList []string `json:"ip_list"`
	}
	if err := c.do(ctx, cred, get(api, nil), &out); err != nil {
		return nil, err
	}
	return out.IPList, nil
}
