module github.com/folio-go/folio

go 1.25

require (
	github.com/fsnotify/fsnotify v1.10.1
	github.com/google/go-cmp v0.7.0
	github.com/gosimple/slug v1.15.0
	github.com/pelletier/go-toml/v2 v2.4.3
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
)

require (
	github.com/gosimple/unidecode v1.0.1 // indirect
	golang.org/x/sys v0.13.0 // indirect
)
