#!/usr/bin/env python3
"""Writes N Kubernetes documents (N/2 Deployments, each with its Service) as one multi-document YAML on stdout:
the input of bench/run-all.sh's `check` section (is `kubelift check` linear in the number of documents?)."""
import sys
n=int(sys.argv[1])
out=[]
for i in range(n//2):
    out.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{i}
  labels: {{app: app-{i}}}
spec:
  replicas: 2
  selector:
    matchLabels: {{app: app-{i}}}
  template:
    metadata:
      labels: {{app: app-{i}}}
    spec:
      containers:
      - name: app
        image: registry.example/app-{i}:1.0.{i}
        ports:
        - containerPort: 8080
        resources:
          requests: {{cpu: 100m, memory: 128Mi}}
          limits: {{memory: 256Mi}}
""")
    out.append(f"""apiVersion: v1
kind: Service
metadata:
  name: app-{i}
spec:
  selector: {{app: app-{i}}}
  ports:
  - port: 80
    targetPort: 8080
""")
sys.stdout.write("---\n".join(out))
