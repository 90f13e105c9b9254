// The Landscape stage; see README "Architecture".
