#!/usr/bin/env bash
# Make the mock tenant's test keys in DIR with the openssl command, at test
# time (no private key is ever committed):
#   ca.pem          a throw-away certificate authority (its key is deleted)
#   server.pem/key  the mock's certificate for 127.0.0.1 and localhost
#   client.pem      a service principal's certificate and key (PEM, both)
#   client.pfx      the same as PKCS#12, password in client.pfx.pass
set -euo pipefail
dir=${1:?usage: make_certs.sh DIR}
mkdir -p "$dir"
cd "$dir"
umask 077
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=azmat test CA" \
  -keyout ca.key -out ca.pem -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key \
  -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
  -extfile server.ext -out server.pem 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=azmat test principal" \
  -keyout client.key -out client.crt 2>/dev/null
cat client.crt client.key >client.pem
echo "test-pfx-password" >client.pfx.pass
openssl pkcs12 -export -in client.crt -inkey client.key -out client.pfx \
  -passout file:client.pfx.pass 2>/dev/null
rm -f ca.key ca.srl server.csr server.ext
