import rule from '../../../../engine/rules/dockerfile/non-interactive-install';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN apt-get update && apt-get install -y curl && apt-get -qq install wget && apt-get install --yes git`,
    `FROM debian:12
RUN apt-get install -qy curl`,
    `FROM fedora:40
RUN dnf install -y curl && yum --assumeyes install wget`,
    `FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl && zypper -n in wget`,
    `FROM debian:12
RUN yes | apt-get install curl`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install curl`,
      errors: [{ messageId: 'yes', line: 2, column: 23, endLine: 2, endColumn: 38 }],
      output: `FROM debian:12
RUN apt-get update && apt-get install -y curl`,
    },
    {
      code: `FROM fedora:40
RUN dnf install curl`,
      errors: [{ messageId: 'yes', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: `FROM fedora:40
RUN dnf install -y curl`,
    },
    {
      code: `FROM opensuse/leap:15.6
RUN zypper install curl`,
      errors: [{ messageId: 'yes', line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: `FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl`,
    },
    {
      code: `FROM debian:12
RUN apt-get -q upgrade`,
      errors: [{ messageId: 'yes', line: 2, column: 5, endLine: 2, endColumn: 23 }],
      output: `FROM debian:12
RUN apt-get -q upgrade -y`,
    },
  ],
});
