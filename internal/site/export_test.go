package site

// Month finds a month by its key, "2023-02".
func (s *Site) Month(key string) *Month { return s.months[key] }
