{{/*
The chart's name, or nameOverride. Kubernetes names are DNS labels: at most 63 characters.
*/}}
{{- define "boxoffice.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's objects: the release name, followed by the chart's name unless
the release name already contains it ("boxoffice" rather than "boxoffice-boxoffice").
*/}}
{{- define "boxoffice.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "boxoffice.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "boxoffice.labels" -}}
helm.sh/chart: {{ include "boxoffice.chart" . }}
{{ include "boxoffice.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: boxoffice
{{- end }}

{{/*
Labels that pick the release's pods. They must never change between upgrades: a Deployment's
selector is immutable.
*/}}
{{- define "boxoffice.selectorLabels" -}}
app.kubernetes.io/name: {{ include "boxoffice.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The ServiceAccount the pods run as.
*/}}
{{- define "boxoffice.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "boxoffice.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "boxoffice.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion | toString) }}
{{- end }}

{{/*
The Secret holding the six BOXOFFICE_* secrets: the user's, or the chart's.
*/}}
{{- define "boxoffice.secretName" -}}
{{- default (include "boxoffice.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/*
Whether the chart makes a Secret at all: it holds the BOXOFFICE_* secrets unless
secrets.existingSecret is set, and the database password unless postgresql.existingSecret is.
Returns "true" or "".
*/}}
{{- define "boxoffice.createSecret" -}}
{{- if or (not .Values.secrets.existingSecret) (not .Values.postgresql.existingSecret) }}true{{ end }}
{{- end }}

{{/*
One value of the chart's Secret, base64-encoded and quoted, after checking it.
Usage: include "boxoffice.secretValue" (dict "key" "identityJwtSecret" "value" .Values.secrets.identityJwtSecret "min" 32)
  key    the value's name under secrets., for the error messages
  value  the value
  min    the least number of characters (0: any non-empty value)
The render fails on an empty value rather than inventing one: a random value would differ per
upgrade (and `lookup` sees nothing under `helm template`), logging everyone out and voiding
every ticket already signed.
*/}}
{{- define "boxoffice.secretValue" -}}
{{- $msg := printf "secrets.%s is required: run deploy/secrets and pass its value (see README.md), or set secrets.existingSecret" .key }}
{{- $value := toString (required $msg .value) }}
{{- if lt (len $value) (int .min) }}
{{- fail (printf "secrets.%s needs at least %d characters (it has %d): run deploy/secrets" .key (int .min) (len $value)) }}
{{- end }}
{{- $value | b64enc | quote }}
{{- end }}
