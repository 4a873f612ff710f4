# The limn command in a small Debian image, built from this repository:
#   docker build -t limn .            (then: docker run --rm -v "$PWD:/work" limn annotate a.jpg a.json -o a.png)
# Stage 1 has the Swift toolchain and the -dev packages and makes the portable bundle
# (Scripts/bundle: the Swift runtime linked in, the runtime packages listed); stage 2 is Debian
# slim with only those runtime packages and the bundle. The Swift image's Debian release must
# match the runtime's (bookworm), so the bundle finds the same library versions it was linked with.
FROM swift:6.3-bookworm AS build
WORKDIR /src
COPY . .
RUN Scripts/install-system-packages && Scripts/bundle --output /limn

FROM debian:bookworm-slim
COPY --from=build /limn /opt/limn
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(cat /opt/limn/runtime-packages.txt) \
 && rm -rf /var/lib/apt/lists/* \
 && ln -s /opt/limn/bin/limn /usr/local/bin/limn \
 && mkdir -p /usr/local/share/man/man1 && cp /opt/limn/share/man/man1/limn.1 /usr/local/share/man/man1/ \
 && cp /opt/limn/share/completions/limn.bash /etc/bash_completion.d/limn 2>/dev/null || true
# Any user: fontconfig keeps its cache under $HOME, which must be writable.
ENV HOME=/tmp
USER 65534:65534
WORKDIR /work
ENTRYPOINT ["limn"]
CMD ["--help"]
