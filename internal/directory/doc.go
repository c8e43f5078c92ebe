// Package directory owns the directory of support services: one YAML file
// per organization under content/support/services/, decoded into Providers
// whose fields follow the Open Referral Human Services Data Specification
// (HSDS 3.0: organization, service, phone), validated strictly against the
// categories and areas declared in site.yaml.
//
// It receives the source folder and a validated config.Site, and returns
// providers sorted by id, with diagnostics. It must not render pages.
//
// A new field is a field of Provider (or Service, Location, Phone) in
// provider.go with its HSDS name, its checks in validate.go, and its HSDS
// column in export.go (a key in its entity's map, a column in newTables);
// templates show it through render's Provider.Entry.
package directory
