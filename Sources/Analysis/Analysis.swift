// The Analysis stage; see README "Architecture".
