package binding

// Confidence is fixed per method, so a row's confidence never depends on the
// rest of the data and the review screen can sort and filter by it. The state
// (proposed or confirmed) says whether a person has accepted the row; the
// confidence says how strong the evidence was.
//
//	method            confidence  why
//	existing          1.00        a person decided earlier
//	manual            1.00        a person bound it by hand
//	import            0.99        an administrator supplied the pair
//	userid            0.99        configured identity key
//	employee_no       0.99        configured identity key
//	mobile_lookup     0.98        WeCom says who owns the account's mobile
//	email_lookup      0.98        WeCom says who owns the account's email
//	mobile            0.97        personal, but numbers get recycled and shared
//	email             0.95        personal, but aliases and shared boxes exist
//	name+department   0.80        namesakes told apart by department
//	name              0.60        the only pair with this name; still a guess
//	ambiguous (keys)  0.40        keys point at different people
//	ambiguous (name)  0.30        namesakes that departments do not separate
const (
	ConfidenceAmbiguousKeys = 0.40
	ConfidenceAmbiguousName = 0.30
)

var confidenceByMethod = map[Method]float64{
	MethodExisting:     1.00,
	MethodManual:       1.00,
	MethodImport:       0.99,
	MethodUserID:       0.99,
	MethodEmployeeNo:   0.99,
	MethodMobileLookup: 0.98,
	MethodEmailLookup:  0.98,
	MethodMobile:       0.97,
	MethodEmail:        0.95,
	MethodNameDept:     0.80,
	MethodName:         0.60,
}

// Confidence returns the fixed confidence of a binding made by m, or 0 for an
// unknown method.
func Confidence(m Method) float64 { return confidenceByMethod[m] }
