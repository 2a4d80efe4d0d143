package wecom

import (
	"errors"
	"fmt"
)

// Template card types this client builds.
const (
	CardTextNotice        = "text_notice"
	CardNewsNotice        = "news_notice"
	CardButtonInteraction = "button_interaction"
)

// TemplateCard is message/send's template_card (text_notice, news_notice,
// button_interaction). TaskID (≤128 bytes of [0-9A-Za-z_-@], unique per app)
// is required for button_interaction and whenever ActionMenu is set. Zero
// numbers are WeCom's defaults and left out.
type TemplateCard struct {
	CardType              string               `json:"card_type"`
	Source                *CardSource          `json:"source,omitempty"`
	ActionMenu            *CardActionMenu      `json:"action_menu,omitempty"`
	TaskID                string               `json:"task_id,omitempty"`
	MainTitle             *CardMainTitle       `json:"main_title,omitempty"`
	EmphasisContent       *CardEmphasis        `json:"emphasis_content,omitempty"` // text_notice
	QuoteArea             *CardQuoteArea       `json:"quote_area,omitempty"`
	SubTitleText          string               `json:"sub_title_text,omitempty"` // ≤160 字
	HorizontalContentList []CardHorizontal     `json:"horizontal_content_list,omitempty"`
	JumpList              []CardJump           `json:"jump_list,omitempty"`
	CardAction            *CardAction          `json:"card_action,omitempty"` // required for text_notice and news_notice
	CardImage             *CardImage           `json:"card_image,omitempty"`  // news_notice
	ImageTextArea         *CardImageTextArea   `json:"image_text_area,omitempty"`
	VerticalContentList   []CardVertical       `json:"vertical_content_list,omitempty"` // news_notice, ≤4
	ButtonSelection       *CardButtonSelection `json:"button_selection,omitempty"`      // button_interaction
	ButtonList            []CardButton         `json:"button_list,omitempty"`           // button_interaction, ≤6
}

// CardSource is the card's top line. DescColor: 0 grey, 1 black, 2 red, 3 green.
type CardSource struct {
	IconURL   string `json:"icon_url,omitempty"`
	Desc      string `json:"desc,omitempty"`
	DescColor int    `json:"desc_color,omitempty"`
}

// CardActionMenu is the "…" menu at the top right.
type CardActionMenu struct {
	Desc       string           `json:"desc,omitempty"`
	ActionList []CardActionItem `json:"action_list"` // 1..3
}

// CardActionItem is one entry of the action menu.
type CardActionItem struct {
	Text string `json:"text"`
	Key  string `json:"key"`
}

// CardMainTitle: title ≤36 字, desc ≤44 字.
type CardMainTitle struct {
	Title string `json:"title,omitempty"`
	Desc  string `json:"desc,omitempty"`
}

// CardEmphasis is text_notice's big number: title ≤14, desc ≤22.
type CardEmphasis struct {
	Title string `json:"title,omitempty"`
	Desc  string `json:"desc,omitempty"`
}

// CardQuoteArea: Type 0 none, 1 url, 2 mini program.
type CardQuoteArea struct {
	Type      int    `json:"type,omitempty"`
	URL       string `json:"url,omitempty"`
	AppID     string `json:"appid,omitempty"`
	PagePath  string `json:"pagepath,omitempty"`
	Title     string `json:"title,omitempty"`
	QuoteText string `json:"quote_text,omitempty"`
}

// CardHorizontal is a key/value line: Type 0 text, 1 url, 2 media, 3 userid.
type CardHorizontal struct {
	Type    int    `json:"type,omitempty"`
	KeyName string `json:"keyname"`
	Value   string `json:"value,omitempty"`
	URL     string `json:"url,omitempty"`
	MediaID string `json:"media_id,omitempty"`
	UserID  string `json:"userid,omitempty"`
}

// CardJump is a link line (≤3): Type 1 url, 2 mini program.
type CardJump struct {
	Type     int    `json:"type,omitempty"`
	Title    string `json:"title"`
	URL      string `json:"url,omitempty"`
	AppID    string `json:"appid,omitempty"`
	PagePath string `json:"pagepath,omitempty"`
}

// CardAction is what a tap on the card opens: Type 1 url, 2 mini program.
type CardAction struct {
	Type     int    `json:"type"`
	URL      string `json:"url,omitempty"`
	AppID    string `json:"appid,omitempty"`
	PagePath string `json:"pagepath,omitempty"`
}

// CardImage is news_notice's picture; AspectRatio 1.3..2.25.
type CardImage struct {
	URL         string  `json:"url"`
	AspectRatio float64 `json:"aspect_ratio,omitempty"`
}

// CardImageTextArea is news_notice's left-image block.
type CardImageTextArea struct {
	Type     int    `json:"type,omitempty"`
	URL      string `json:"url,omitempty"`
	AppID    string `json:"appid,omitempty"`
	PagePath string `json:"pagepath,omitempty"`
	Title    string `json:"title,omitempty"`
	Desc     string `json:"desc,omitempty"`
	ImageURL string `json:"image_url"`
}

// CardVertical is a title/desc line of news_notice.
type CardVertical struct {
	Title string `json:"title"`
	Desc  string `json:"desc,omitempty"`
}

// CardButtonSelection is button_interaction's drop-down.
type CardButtonSelection struct {
	QuestionKey string       `json:"question_key"`
	Title       string       `json:"title,omitempty"`
	OptionList  []CardOption `json:"option_list"` // 1..10
	SelectedID  string       `json:"selected_id,omitempty"`
}

// CardOption is an option of the drop-down.
type CardOption struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// CardButton: Type 0 callback (Key required, unique), 1 url. Style 1..4, text ≤10 字.
type CardButton struct {
	Type  int    `json:"type,omitempty"`
	Text  string `json:"text"`
	Style int    `json:"style,omitempty"`
	Key   string `json:"key,omitempty"`
	URL   string `json:"url,omitempty"`
}

// validate checks the rules WeCom enforces on cards, before a call is spent.
func (t *TemplateCard) validate() error {
	switch t.CardType {
	case CardTextNotice, CardNewsNotice:
		if t.CardAction == nil {
			return fmt.Errorf("%s card needs card_action", t.CardType)
		}
	case CardButtonInteraction:
		if t.TaskID == "" {
			return errors.New("button_interaction card needs task_id")
		}
		if len(t.ButtonList) < 1 || len(t.ButtonList) > 6 {
			return fmt.Errorf("button_interaction card needs 1..6 buttons, has %d", len(t.ButtonList))
		}
	case "":
		return errors.New("template card needs card_type")
	}
	if t.ActionMenu != nil && t.TaskID == "" {
		return errors.New("a card with action_menu needs task_id")
	}
	return nil
}
