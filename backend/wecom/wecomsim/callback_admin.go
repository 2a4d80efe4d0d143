package wecomsim

import (
	"net/http"
)

var callbackAdminIndex = []string{
	"GET  /sim/callbacks             configured callback URLs; POST {\"agentid\":N|0,\"url\":\"...\",\"token\":\"...\",\"encoding_aes_key\":\"...\"} sets one (url \"\" removes)",
	"GET  /sim/callbacks/log         callbacks sent, with attempts and decrypted passive replies",
	"POST /sim/app-message           {\"agentid\":N,\"userid\":\"...\",\"text\":\"...\"} or \"image\":true: a member messages an app",
	"POST /sim/card-click            {\"msgid\":\"...\",\"userid\":\"...\",\"key\":\"...\"}: a member clicks a template-card button",
}

func init() { adminIndex = append(adminIndex, callbackAdminIndex...) }

// serveCallbackAdmin answers the callback admin endpoints; false when key
// is not one of them.
func (s *Sim) serveCallbackAdmin(w http.ResponseWriter, r *http.Request, key string) bool {
	switch key {
	case "GET /callbacks":
		writeJSON(w, http.StatusOK, map[string]any{"callbacks": s.CallbackTargets()})
	case "POST /callbacks":
		var t CallbackTarget
		if readAdmin(w, r, &t) {
			if err := s.SetCallback(t); err != nil {
				adminError(w, http.StatusBadRequest, "%v", err)
				return true
			}
			writeJSON(w, http.StatusOK, map[string]any{"callbacks": s.CallbackTargets()})
		}
	case "GET /callbacks/log":
		writeJSON(w, http.StatusOK, map[string]any{"deliveries": s.CallbackLog()})
	case "POST /app-message":
		var b struct {
			AgentID int    `json:"agentid"`
			UserID  string `json:"userid"`
			Text    string `json:"text"`
			Image   bool   `json:"image"`
		}
		if readAdmin(w, r, &b) {
			d, err := s.SendAppMessage(r.Context(), b.AgentID, b.UserID, b.Text, b.Image)
			writeDelivery(w, d, err)
		}
	case "POST /card-click":
		var b struct {
			MsgID  string `json:"msgid"`
			UserID string `json:"userid"`
			Key    string `json:"key"`
		}
		if readAdmin(w, r, &b) {
			d, err := s.ClickCard(r.Context(), b.MsgID, b.UserID, b.Key)
			writeDelivery(w, d, err)
		}
	default:
		return false
	}
	return true
}

func writeDelivery(w http.ResponseWriter, d CallbackDelivery, err error) {
	if err != nil {
		adminError(w, http.StatusBadRequest, "%v", err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}
