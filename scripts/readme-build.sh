#!/usr/bin/env bash
# Builds a fresh Maven project from README.md's "Add it to your build" section, exactly as written:
# its XML snippets become the project's POM and its import block the head of a traced resource.
# The build passes only if the processor wrote the decorator and DivakResources.
#
# Nothing io.divak goes into the shared local repository (~/.m2), not even the staging
# repository's metadata: the published modules are deployed to a file repository under
# target/readme-build/staging, and both Maven runs use a local repository of their own
# (target/readme-build/m2) that reads everything else from ~/.m2 without writing to it (Maven
# 3.9's maven.repo.local.tail; hence ./mvnw).
#
#   scripts/readme-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/readme-build
shared_repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
rm -rf "$work"
mkdir -p "$work/project/src/main/java/com/example"

# 1. The published modules, built apart (target-readme/) and deployed to the staging repository.
./mvnw -B -ntp -q -pl divak-bom,divak-annotations,divak-runtime,divak-processor,divak-jaxrs -am \
  -Dmaven.repo.local="$work/m2" -Dmaven.repo.local.tail="$shared_repo" \
  -Ddivak.target=target-readme -Dmaven.test.skip=true -Dmaven.install.skip=true \
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  -DaltDeploymentRepository="readme-staging::file://$work/staging" deploy

# 2. The fresh project, from the README's text.
python3 - "$root/README.md" "$work/project" "file://$work/staging" \
  "$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)" <<'PY'
import re, sys
readme, project, staging, reactor_version = sys.argv[1:]
text = open(readme, encoding="utf-8").read()
section = re.search(r"^## Add it to your build\n(.*?)^## ", text, re.S | re.M)
if not section:
    sys.exit("README.md has no '## Add it to your build' section")
blocks = re.findall(r"^```(xml|java)\n(.*?)^```", section.group(1), re.S | re.M)
xml = [b for kind, b in blocks if kind == "xml"]
java = [b for kind, b in blocks if kind == "java"]
if len(xml) != 3 or len(java) != 1:
    sys.exit(f"expected 3 xml blocks (properties and BOM, dependencies, build) and 1 java block "
             f"in the section, found {len(xml)} and {len(java)}")
properties_and_bom, dependencies, build = xml
version = re.search(r"<divak.version>(.*?)</divak.version>", properties_and_bom)
if not version or version.group(1) != reactor_version:
    sys.exit(f"README's divak.version is {version and version.group(1)}, the build's is "
             f"{reactor_version}: update the README")

# What the README leaves to the reader's project: its coordinates, Java 17, its Jakarta REST API,
# and (here only) where the unreleased divak artifacts are.
properties_and_bom = properties_and_bom.replace("<properties>\n", "<properties>\n"
    "  <maven.compiler.release>17</maven.compiler.release>\n"
    "  <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n", 1)
dependencies = dependencies.replace("</dependencies>",
    "  <dependency>\n    <groupId>jakarta.ws.rs</groupId>\n"
    "    <artifactId>jakarta.ws.rs-api</artifactId>\n    <version>3.1.0</version>\n"
    "    <scope>provided</scope>\n  </dependency>\n</dependencies>", 1)
pom = f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
<modelVersion>4.0.0</modelVersion>
<groupId>com.example</groupId>
<artifactId>readme-build</artifactId>
<version>1</version>
<repositories>
  <repository>
    <id>readme-staging</id>
    <url>{staging}</url>
    <snapshots><enabled>true</enabled></snapshots>
  </repository>
</repositories>
{properties_and_bom}
{dependencies}
{build}
</project>
"""
open(f"{project}/pom.xml", "w", encoding="utf-8").write(pom)
source = f"""package com.example;

{java[0]}
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/hello")
@Traced
public class HelloResource {{
  @GET
  @Path("/{{name}}")
  public String hello(@Tag("name") @PathParam("name") String name) {{
    return "hello " + name;
  }}

  /** Uses every import of the README, so that a wrong one fails the compile. */
  static Divak divak() {{
    Divak divak = Divak.builder()
        .serviceName("readme")
        .sampler(Sampler.probability(0.01))
        .reporter(ZipkinReporter.create("http://127.0.0.1:9411/api/v2"))
        .build();
    new DivakFeature(divak);
    return divak;
  }}
}}
"""
open(f"{project}/src/main/java/com/example/HelloResource.java", "w", encoding="utf-8").write(source)
PY

./mvnw -B -ntp -q -f "$work/project/pom.xml" \
  -Dmaven.repo.local="$work/m2" -Dmaven.repo.local.tail="$shared_repo" package

for generated in Divak_HelloResource DivakResources; do
  if [ ! -f "$work/project/target/classes/com/example/$generated.class" ]; then
    echo "readme-build: the processor did not write com.example.$generated" >&2
    exit 1
  fi
done
echo "readme-build: a fresh project built from README.md has Divak_HelloResource and DivakResources"
