// The Figures stage; see README "Architecture".
