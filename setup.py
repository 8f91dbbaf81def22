"""Packaging glue that pyproject.toml cannot express: the rule packs live in ``rules/`` at the
top of the repository (where their authors and reviewers look for them), and the wheel carries
them inside the package as ``vendorgate/packs/``. ``package-data`` cannot reach outside a
package's folder, so ``package_dir`` maps the ``vendorgate.packs`` package onto ``rules/``. In
the same way the CI templates users copy from ``ci/`` are ``vendorgate/templates/`` in the wheel,
where ``vendorgate init`` reads the workflow it writes."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "vendorgate.packs", "vendorgate.templates"],
    package_dir={"": "src", "vendorgate.packs": "rules", "vendorgate.templates": "ci"},
    package_data={
        "vendorgate": [
            "py.typed",
            "schemas/*.json",
            "data/*.yaml",
            "data/*.json",
            "data/html/*",
            "data/init/*",
            "rego/*.rego",
        ],
        "vendorgate.packs": ["*.yaml", "policies/*.md", "rego/*.rego", "examples/**/*.yaml"],
        "vendorgate.templates": ["github-actions.yml", "drift.yml", "gitlab-ci.yml"],
    },
    include_package_data=False,
)
