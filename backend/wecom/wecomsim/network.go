package wecomsim

// Documentation-range addresses (RFC 5737) stand in for WeCom's real ranges.
var (
	apiDomainIPs = []string{"203.0.113.10", "203.0.113.11", "203.0.113.12", "198.51.100.0/26"}
	callbackIPs  = []string{"198.51.100.64/27", "198.51.100.100", "203.0.113.200"}
)

type ipListJSON struct {
	status
	IPList []string `json:"ip_list"`
}

func (s *Sim) apiDomainIP(c *call) (any, *apiError) {
	return ipListJSON{statusOK, apiDomainIPs}, nil
}

func (s *Sim) callbackIP(c *call) (any, *apiError) {
	return ipListJSON{statusOK, callbackIPs}, nil
}
