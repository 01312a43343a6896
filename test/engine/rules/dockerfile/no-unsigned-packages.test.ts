import rule from '../../../../engine/rules/dockerfile/no-unsigned-packages';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
RUN apk add --no-cache curl`,
    `FROM debian:12
RUN apt-get install -y --no-install-recommends curl`,
    `FROM fedora:40
RUN dnf install -y --setopt=install_weak_deps=False curl`,
    // Words named like Object.prototype members are not flags (they used to throw).
    `FROM alpine:3.20
RUN echo constructor toString __proto__ hasOwnProperty=1`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
RUN apk add --allow-untrusted /tmp/glibc.apk`,
      errors: [{ messageId: 'flag', line: 2, column: 13, endLine: 2, endColumn: 30 }],
      output: `FROM alpine:3.20
RUN apk add /tmp/glibc.apk`,
    },
    {
      code: `FROM debian:12
RUN apt-get install -y --allow-unauthenticated curl`,
      errors: [{ messageId: 'flag', line: 2, column: 24, endLine: 2, endColumn: 47 }],
      output: `FROM debian:12
RUN apt-get install -y curl`,
    },
    {
      code: `FROM debian:12
RUN apt-get install -y --force-yes curl`,
      errors: [{ messageId: 'flag', line: 2, column: 24, endLine: 2, endColumn: 35 }],
      output: `FROM debian:12
RUN apt-get install -y curl`,
    },
    {
      code: `FROM fedora:40
RUN dnf install -y --nogpgcheck curl`,
      errors: [{ messageId: 'flag', line: 2, column: 20, endLine: 2, endColumn: 32 }],
      output: `FROM fedora:40
RUN dnf install -y curl`,
    },
    {
      code: `FROM fedora:40
RUN rpm -i --nosignature /tmp/x.rpm`,
      errors: [{ messageId: 'flag', line: 2, column: 12, endLine: 2, endColumn: 25 }],
      output: `FROM fedora:40
RUN rpm -i /tmp/x.rpm`,
    },
    {
      code: `FROM opensuse/leap:15.6
RUN zypper --no-gpg-checks install -y curl`,
      errors: [{ messageId: 'flag', line: 2, column: 12, endLine: 2, endColumn: 27 }],
      output: `FROM opensuse/leap:15.6
RUN zypper install -y curl`,
    },
    {
      code: `FROM fedora:40
RUN echo "gpgcheck=0" >> /etc/yum.repos.d/x.repo`,
      errors: [{ messageId: 'option', line: 2, column: 10, endLine: 2, endColumn: 22 }],
      output: null,
    },
  ],
});
