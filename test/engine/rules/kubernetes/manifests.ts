// Small manifest builders for the kubernetes/* rule tests.

/** Indent every non-empty line by n spaces. */
export function indent(text: string, n: number): string {
  return text.replace(/^(?=.)/gm, ' '.repeat(n));
}

/**
 * A Deployment whose first container is `- name: app` on line 15 (its name at column 17) followed
 * by `containerBody` (lines at the container's key column, written without indentation).
 */
export function deployment(containerBody = 'image: nginx:1.27\n', options: { podSpec?: string; spec?: string; name?: string } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${options.name ?? 'web'}
spec:
${indent(options.spec ?? '', 2)}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
${indent(options.podSpec ?? '', 6)}      containers:
        - name: app
${indent(containerBody, 10)}`;
}

export function pod(containerBody = 'image: nginx:1.27\n', podSpec = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${indent(podSpec, 2)}  containers:
    - name: app
${indent(containerBody, 6)}`;
}

/** A small Deployment `name` with pod labels `app: <name>`, `replicas` and optional namespace. */
export function app(name: string, replicas = 3, namespace?: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${name}
          image: ghcr.io/acme/${name}:1.0.0
          ports:
            - name: http
              containerPort: 8080
`;
}
