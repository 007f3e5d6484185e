// Package data embeds the compiled dataset, data/targets.json, which the
// generator builds from the source records in seeds/.
package data

import _ "embed"

//go:generate go run ../app/cmd/gendata -seeds ../seeds -out targets.json

// JSON is the compiled dataset, in the format of package model.
//
//go:embed targets.json
var JSON []byte
