// The monaco-yaml language service, bundled as a worker of our own build.
import 'monaco-yaml/yaml.worker.js';
