# METADATA
# title: AI sub-processors - where third-party AI models handle the data
# description: >-
#   A rule the YAML condition language cannot state: it looks at each sub-processor on its own
#   and asks, only of the AI model providers, where they process the data. Due diligence on a
#   service provider includes knowing who else handles the data and where.
# custom:
#   pack: ai-subprocessors
package vendorgate.packs.ai_subprocessors

import rego.v1

import data.vendorgate.lib

# METADATA
# title: Every AI model provider among the sub-processors is listed with the region where it processes data
# description: >-
#   A third-party model provider is a service provider of the vendor's. Due diligence means
#   knowing where it processes the institution's customers' data; a provider listed without a
#   region fails, and a vendor that does not disclose its sub-processors cannot be assessed.
# custom:
#   id: ai-subprocessor-region-stated
#   severity: high
#   applies_to:
#     sectors: [finance]
#     data_classes: [npi]
#   citations:
#     - authority: nydfs-500-11
#       citation: "23 NYCRR 500.11"
#       title: "NYDFS Cybersecurity Regulation - third party service provider security policy"
#       url: "https://www.dfs.ny.gov/industry_guidance/cybersecurity"
#       verified: false
#     - authority: glba-safeguards-314-4-f
#       citation: "16 CFR 314.4(f)"
#       title: "GLBA Safeguards Rule - oversee service providers"
#       url: "https://www.ecfr.gov/current/title-16/chapter-I/subchapter-C/part-314/section-314.4"
#       verified: false
#   remediation: >-
#     Have the vendor name, in its sub-processor list or the contract, the region where each AI
#     model provider processes customer data, and notify changes before they take effect.
deny contains {"msg": msg, "fact": "subprocessors"} if {
	some provider in ai_providers
	not region_stated(provider)
	msg := sprintf("AI model provider %s is listed without a region", [provider.name])
}

deny contains {"msg": msg, "fact": "subprocessors", "outcome": "undetermined"} if {
	not is_array(lib.value("subprocessors", ""))
	msg := "the vendor does not disclose its sub-processors"
}

ai_providers contains provider if {
	listed := lib.value("subprocessors", "")
	is_array(listed)
	some provider in listed
	provider.category == "ai_model_provider"
}

region_stated(provider) if {
	is_string(provider.region)
	provider.region != ""
}
