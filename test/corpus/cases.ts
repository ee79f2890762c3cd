/**
 * The bad-input corpus (issue 12): one line per case. `{dir}` is the folder of corpus files (corpus-files.ts),
 * `{examples}` the project's examples folder (examples/snapshot), `{hung}` marks a case run against an endpoint that
 * accepts and never answers, with --request-timeout 2. Every case must exit as said with exactly one line on stderr
 * matching `line` (`error: ` for exit 2 and 3, `warning: ` for 0 and 1); the runner adds the checks every case shares
 * (no stack trace, no raw bytes, the value shortened, a time bound). A case that answers on stdout (exit 0 or 1: the
 * answer, with its warning) names what stdout must say; without `line`, stderr must be empty.
 */
export interface CorpusCase {
  args: string[]
  exit: 0 | 1 | 2 | 3
  /** Extra environment over the corpus's isolated one (no kubeconfig, no AWS credentials or profile). */
  env?: Record<string, string>
  /** Piped to stdin; without it stdin is empty. */
  input?: string
  line?: RegExp
  /** What stdout must say; without it stdout is empty (or, with --json, the error document). */
  stdout?: RegExp
}

const LONG = 'x'.repeat(5000)
const ESCAPES = 'm5.large\u001B[2J\u0007\u0085'
const hung = (args: string[], line: RegExp): CorpusCase => ({args: [...args, '{hung}'], exit: 3, line})
const TOO_BIG = '99999999999999999999'
const beyond2To53 = (flag: string, command: string): RegExp =>
  new RegExp(`^error: Parsing --${flag}: Expected an integer less than or equal to 9007199254740991 but received: ${TOO_BIG}; see vpccni ${command} --help$`)
const WARM = ['warm-targets', '--instance-type', 'm5.large', '--pods', '10']
const SIMULATE = ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3']
const NODE = 'ip-10-0-0-4.us-west-2.compute.internal'
const DRY_RUN = ['ipamd', 'dry-run', '--from-dir', '{examples}/snapshot', '--node', NODE]
const noKubeconfig = /^error: kubernetes:kubeconfig: no kubeconfig context found \(looked in .*\); pass --kubeconfig or set KUBECONFIG/

export const CORPUS: CorpusCase[] = [
  // The command line itself
  {args: ['max-pod', 'm5.large'], exit: 2, line: /^error: unknown command "max-pod"; did you mean vpccni max-pods\?/},
  {args: ['compta'], exit: 2, line: /^error: unknown command "compta"; did you mean vpccni compat\?/},
  {args: ['ipamd', 'simulat'], exit: 2, line: /^error: unknown command "ipamd simulat"; did you mean vpccni ipamd simulate\?/},
  {args: ['nonexistent-cmd', '--json'], exit: 2, line: /^error: unknown command "nonexistent-cmd"; see vpccni --help/},
  {args: [LONG], exit: 2, line: /^error: unknown command "x{40}…" \(5000 characters\)/},
  {args: ['--bogus'], exit: 2, line: /^error: "--bogus" is not a command; flags follow a command/},
  {args: ['max-pods', 'm5.large', '--bogus'], exit: 2, line: /^error: Nonexistent flag: --bogus; see vpccni max-pods --help$/},
  {args: ['ipamd', 'simulate'], exit: 2, line: /^error: Missing required flag instance-type; see vpccni ipamd simulate --help$/},
  {args: ['warm-targets', '--pods', '10'], exit: 2, line: /^error: Missing required flag instance-type; see vpccni warm-targets --help$/},
  {args: ['snapshot'], exit: 2, line: /^error: Missing required flag output; see vpccni snapshot --help$/},

  // max-pods
  {args: ['max-pods'], exit: 2, line: /^error: name at least one instance type, or pass --all/},
  {args: ['max-pods', 'm5.lrage'], exit: 2, line: /^error: unknown instance type "m5\.lrage"; did you mean m5\.large/},
  {args: ['max-pods', ''], exit: 2, line: /^error: unknown instance type ""/},
  {args: ['max-pods', 'm5.large', '--all'], exit: 2, line: /^error: give instance types or --all, not both/},
  {args: ['max-pods', 'm5.large', '--max-eni', '0'], exit: 2, line: /^error: Parsing --max-eni: Expected an integer greater than or equal to 1 but received: 0;/},
  {args: ['max-pods', 'm5.large', '--max-eni', '-1'], exit: 2, line: /^error: Parsing --max-eni: .*received: -1;/},
  {args: ['max-pods', 'm5.large', '--max-eni', '1.5'], exit: 2, line: /^error: Parsing --max-eni: Expected an integer but received: 1\.5;/},
  {args: ['max-pods', 'm5.large', '--max-eni', 'two'], exit: 2, line: /^error: Parsing --max-eni: Expected an integer but received: two;/},
  {args: ['max-pods', 'm5.large', '--cni-version', 'banana'], exit: 2, line: /^error: malformed CNI version "banana"/},
  {args: ['max-pods', 'm5.large', '--source', 'nope'], exit: 2, line: /^error: Expected --source=nope to be one of: embedded, ec2;/},
  {args: ['max-pods', 'm5.large', '--source', 'ec2', '--region', 'us east 1/../x'], exit: 2, line: /^error: --region "us east 1\/\.\.\/x" is not an AWS region name/},
  {args: ['max-pods', 'm5.large', '--source', 'ec2', '--region', LONG], exit: 2, line: /^error: --region "x{40}…" \(5000 characters\) is not an AWS region name/},
  {args: ['max-pods', 'm5.large', '--source', 'ec2', '--region', 'us-east-1', '--profile', 'nope'], exit: 2, line: /^error: AWS profile "nope" is not in .*aws-config or .*aws-credentials/},
  {args: ['max-pods', 'm5.large', '--source', 'ec2', '--region', 'us-east-1'], env: {AWS_PROFILE: 'nope'}, exit: 2, line: /^error: AWS profile "nope" is not in /},
  {args: ['max-pods', 'm5.large', '--source', 'ec2', '--region', 'us-east-1', '--request-timeout', '0'], exit: 2, line: /^error: Parsing --request-timeout: .*received: 0;/},
  hung(['max-pods', 'm5.large', '--source', 'ec2'], /^error: ec2:DescribeInstanceTypes: no answer within 2 s, the SDK's retries included/),
  hung(['max-pods', '--all', '--source', 'ec2'], /^error: ec2:DescribeInstanceTypes: no answer within 2 s/),

  // warm-targets
  {args: ['warm-targets', '--instance-type', 'm5.lrage', '--pods', '10'], exit: 2, line: /^error: unknown instance type "m5\.lrage"/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', 'ten'], exit: 2, line: /^error: Parsing --pods: Expected an integer but received: ten;/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--nodes', '0'], exit: 2, line: /^error: Parsing --nodes: .*received: 0;/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--subnet-free', '-5'], exit: 2, line: /^error: Parsing --subnet-free: .*received: -5;/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--peak', '5'], exit: 2, line: /^error: --peak 5 is below --pods 10/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--churn', 'abc'], exit: 2, line: /^error: --churn .*"abc"/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--set', 'FOO'], exit: 2, line: /^error: --set expects KEY=VALUE, got "FOO"/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--set', 'WARM_IP_TARGE=5'], exit: 2, line: /^error: unknown aws-node variable "WARM_IP_TARGE"; did you mean WARM_IP_TARGET/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--set', 'WARM_IP_TARGET=-1'], exit: 2, line: /WARM_IP_TARGET/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--set', 'WARM_IP_TARGET=many'], exit: 2, line: /WARM_IP_TARGET/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--set', 'ENABLE_IPv6=true'], exit: 2, line: /^error: ipamd runs no warm pool with ENABLE_IPv6=true/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--subnet', 'subnet-0123456789abcdef0', '--subnet-free', '5'], exit: 2, line: /subnet/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--subnet', 'subnet-0123456789abcdef0'], exit: 2, line: /^error: no AWS region given; pass --region or set AWS_REGION/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--subnet', 'subnet-0123456789abcdef0', '--region', 'moon-1'], exit: 2, line: /^error: --region "moon-1" is not an AWS region name/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--trace', '{dir}/missing.csv'], exit: 2, line: /^error: cannot read .*missing\.csv: no such file/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--trace', '{dir}/a-folder'], exit: 2, line: /^error: cannot read .*a-folder: it is a folder/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--trace', '{dir}/trace-bad.csv'], exit: 2, line: /^error: .*trace-bad\.csv line 3: expected "seconds,\+\|-,count", got "60,\*,2"/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--trace', '-'], exit: 2, line: /^error: standard input has no events/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--subnet', 'subnet-0123456789abcdef0', '--from-dir', '{dir}/snap-garbage'], exit: 2, line: /^error: --from-dir .*snap-garbage: index\.json is not valid JSON \(.*\); pass a folder written by/},
  hung(['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--subnet', 'subnet-0123456789abcdef0'], /^error: ec2:DescribeSubnets: no answer within 2 s/),

  // compat
  {args: ['compat', '--cni-version', 'banana', '--kubernetes-version', '1.31'], exit: 2, line: /^error: malformed CNI version "banana"/},
  {args: ['compat', '--cni-version', 'v1.12', '--kubernetes-version', '1.31'], exit: 2, line: /^error: CNI v1\.12 names a minor version, not a release/},
  {args: ['compat', '--cni-version', 'v1.12.0', '--kubernetes-version', 'abc'], exit: 2, line: /^error: malformed Kubernetes version "abc"/},
  {args: ['compat', '--cni-version', 'v1.12.0', '--kubernetes-version', '1.31', '--install', 'bogus'], exit: 2, line: /^error: Expected --install=bogus to be one of: managed, self-managed;/},
  {args: ['compat'], exit: 3, line: noKubeconfig},
  {args: ['compat', '--context', 'prod'], exit: 3, line: noKubeconfig},
  {args: ['compat', '--kubeconfig', '{dir}/missing'], exit: 2, line: /^error: kubeconfig .*missing does not exist/},
  {args: ['compat', '--kubeconfig', '{dir}/kubeconfig-bad-yaml'], exit: 2, line: /^error: cannot read the kubeconfig .*kubeconfig-bad-yaml: .*\(\d+:\d+\); kubectl config view/},
  {args: ['compat', '--kubeconfig', '{dir}/kubeconfig-binary'], exit: 2, line: /^error: cannot read the kubeconfig .*kubeconfig-binary: /},
  {args: ['compat'], env: {KUBECONFIG: '{dir}/kubeconfig-bad-yaml'}, exit: 2, line: /^error: cannot read the kubeconfig .*kubeconfig-bad-yaml: /},
  {args: ['compat', '--kubeconfig', '{dir}/kubeconfig-not-a-map'], exit: 2, line: /^error: cannot read the kubeconfig .*kubeconfig-not-a-map: it is not a kubeconfig: its YAML is a list, not a mapping; kubectl config view/},
  {args: ['doctor', '--kubeconfig', '{dir}/a-file'], exit: 2, line: /^error: cannot read the kubeconfig .*a-file: it is not a kubeconfig: its YAML is a string, not a mapping/},
  {args: ['compat', '--kubeconfig', '{dir}/kubeconfig-exec-fail'], exit: 3, line: /^error: kubernetes:kubeconfig: cannot get credentials for context "ctx" \(exec ".*"\): .*first line of the plugin second line detail/},
  {args: ['doctor', '--kubeconfig', '{dir}/kubeconfig-empty'], exit: 3, line: /^error: kubernetes:kubeconfig: no kubeconfig context found \(looked in .*kubeconfig-empty\); .*kubeconfig-empty has no context: aws eks update-kubeconfig --name CLUSTER --kubeconfig .*kubeconfig-empty writes one/},
  {args: ['compat', '--kubeconfig', '{dir}/kubeconfig-bad-client-key'], exit: 2, line: /^error: kubeconfig context "ctx": client-certificate-data is not PEM: it has no -----BEGIN CERTIFICATE----- block; kubectl config view --raw shows the fields/},
  {args: ['compat', '--kubeconfig', '{dir}/kubeconfig-no-current'], exit: 3, line: /^error: kubernetes:kubeconfig: the kubeconfig has no current context; pass --context \(one of one, two\)/},
  {args: ['compat', '--kubeconfig', '{dir}/kubeconfig-no-current', '--context', 'thre'], exit: 2, line: /^error: kubeconfig has no context "thre"/},
  {args: ['compat', '--kubeconfig', '{dir}/kubeconfig-no-current', '--context', LONG], exit: 2, line: /^error: kubeconfig has no context "x{160}…" \(5000 characters\)/},
  // A mistyped --kubeconfig is bad input, as kubectl has it (files missing from KUBECONFIG are skipped: exit 3 below).
  {args: ['doctor', '--kubeconfig', '{dir}/missing-kubeconfig', '--output', 'prometheus', '--output-file', '{dir}/up.prom'], exit: 2, line: /^error: kubeconfig .*missing-kubeconfig does not exist$/},
  {args: ['doctor'], env: {KUBECONFIG: '{dir}/missing-kubeconfig'}, exit: 3, line: /^error: kubernetes:kubeconfig: no kubeconfig context found \(looked in .*missing-kubeconfig\)/},
  // EKS would answer a name it cannot hold only with a ValidationException: refused before any call.
  {args: ['doctor', '--cluster', 'prod/x'], exit: 2, line: /^error: --cluster "prod\/x" is not an EKS cluster name; EKS names have letters, digits, - and _/},
  {args: ['compat', '--cluster', ''], exit: 2, line: /^error: --cluster "" is not an EKS cluster name/},
  {args: ['snapshot', '-o', '{dir}/new-snapshot', '--cluster', 'a'.repeat(101)], exit: 2, line: /^error: --cluster "a{40}…" \(101 characters\) is not an EKS cluster name/},
  {args: ['doctor', '--kubeconfig', '{dir}/kubeconfig-arn-contexts', '--context', 'prod-a,arn:aws:eks:us-west-2:111122223333:cluster/staging'], exit: 2, line: /^error: kubeconfig has no context "prod-a,arn:.*staging"; give each its own --context: --context prod-a --context arn:aws:eks:us-west-2:111122223333:cluster\/staging$/},
  {args: ['doctor', '--kubeconfig', '{dir}/kubeconfig-arn-contexts', '--context', 'prod-b'], exit: 2, line: /^error: kubeconfig has no context "prod-b"; did you mean arn:aws:eks:us-west-2:111122223333:cluster\/prod-b, prod-a\?$/},
  {args: ['doctor', '--kubeconfig', '{dir}/kubeconfig-arn-contexts', '--context', 'arn:aws:eks:us-west-2:111122223333:cluster/stagign'], exit: 2, line: /^error: kubeconfig has no context "arn:aws:eks:us-west-2:111122223333:cluster\/stagign"; did you mean arn:aws:eks:us-west-2:111122223333:cluster\/staging\?$/},
  {args: ['compat', '--kubeconfig', '{dir}/kubeconfig-no-current', '--context', ESCAPES], exit: 2, line: /^error: kubeconfig has no context "m5\.large\\u001b\[2J\\u0007\\u0085"/},
  {args: ['compat', '--from-dir', '{dir}/missing'], exit: 2, line: /^error: --from-dir .*missing/},
  {args: ['compat', '--from-dir', '{dir}/snap-garbage'], exit: 2, line: /index\.json is not valid JSON/},
  {args: ['compat', '--from-dir', '{dir}/snap-binary'], exit: 2, line: /index\.json is not valid JSON/},
  {args: ['compat', '--from-dir', '{dir}/snap-future'], exit: 2, line: /snap-future: index\.json is not a snapshot index/},
  {args: ['compat', '--from-dir', '{dir}/snap-array'], exit: 2, line: /--from-dir .*snap-array/},
  {args: ['compat', '--from-dir', '{dir}/snap-empty'], exit: 2, line: /index\.json/},
  {args: ['compat', '--from-dir', '{dir}/a-file'], exit: 2, line: /--from-dir .*a-file/},
  {args: ['compat', '--request-timeout', 'soon'], exit: 2, line: /^error: Parsing --request-timeout: Expected an integer but received: soon;/},
  {args: ['compat', '--region', 'us_east_1'], exit: 2, line: /^error: --region "us_east_1" is not an AWS region name/},
  hung(['compat'], /^error: kubernetes:\w+: https:\/\/127\.0\.0\.1:\d+ gave no answer within 2 s/),
  hung(['compat', '--kubernetes-version', '1.31'], /^error: kubernetes:readAwsNode: .* gave no answer within 2 s/),

  // upgrade-plan
  {args: ['upgrade-plan', '--from', 'banana'], exit: 2, line: /^error: malformed CNI version "banana"/},
  {args: ['upgrade-plan', '--from', 'v1.12'], exit: 2, line: /^error: current CNI v1\.12 names a minor version, not a release/},
  {args: ['upgrade-plan', '--from', 'v1.12.0', '--to', 'banana'], exit: 2, line: /^error: malformed CNI version "banana"/},
  {args: ['upgrade-plan', '--from', 'v1.12.0', '--to', 'v1.5.0'], exit: 2, line: /^error: target v1\.5\.0 is older than the current v1\.12\.0/},
  {args: ['upgrade-plan', '--from', 'v1.12.0', '--format', 'bogus'], exit: 2, line: /^error: Expected --format=bogus to be one of: plain, markdown;/},
  {args: ['upgrade-plan', '--from', 'v1.12.0', '--kubernetes-version', 'abc'], exit: 2, line: /^error: malformed Kubernetes version "abc"/},
  {args: ['upgrade-plan'], exit: 3, line: noKubeconfig},
  {args: ['upgrade-plan', '--from-dir', '{dir}/snap-garbage'], exit: 2, line: /index\.json is not valid JSON/},
  {args: ['upgrade-plan', '--kubeconfig', '{dir}/kubeconfig-binary'], exit: 2, line: /^error: cannot read the kubeconfig .*kubeconfig-binary: /},
  hung(['upgrade-plan'], /^error: kubernetes:\w+: .* gave no answer within 2 s/),

  // diff
  {args: ['diff', '-f', '{dir}/missing.yaml'], exit: 2, line: /^error: cannot read .*missing\.yaml: no such file/},
  {args: ['diff', '-f', '{dir}/a-folder'], exit: 2, line: /^error: cannot read .*a-folder: it is a folder/},
  {args: ['diff', '-f', '{dir}/ds-bad.yaml'], exit: 2, line: /^error: .*ds-bad\.yaml is not valid YAML or JSON: /},
  {args: ['diff', '-f', '{dir}/ds-garbage.json'], exit: 2, line: /ds-garbage\.json/},
  {args: ['diff', '-f', '{dir}/ds-binary.yaml'], exit: 2, line: /ds-binary\.yaml/},
  {args: ['diff', '-f', '{dir}/empty'], exit: 2, line: /^error: .*empty is empty/},
  {args: ['diff', '-f', '{dir}/ds-configmap.yaml'], exit: 2, line: /ds-configmap\.yaml/},
  {args: ['diff', '-f', '{dir}/ds-scalar.yaml'], exit: 2, line: /ds-scalar\.yaml/},
  {args: ['diff', '-f', '-'], exit: 2, line: /^error: standard input is empty/},
  {args: ['diff', '-f', '{dir}/ds-bad.yaml', '--from-dir', '{dir}/snap-empty'], exit: 2, line: /cannot also be provided when using/},
  {args: ['diff'], exit: 3, line: noKubeconfig},
  {args: ['diff', '--from-dir', '{dir}/snap-future'], exit: 2, line: /snap-future: index\.json is not a snapshot index/},
  hung(['diff'], /^error: kubernetes:readAwsNode: .* gave no answer within 2 s/),

  // ipamd simulate
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.lrage', '--pods', '3'], exit: 2, line: /^error: unknown instance type "m5\.lrage"/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '-1'], exit: 2, line: /^error: Parsing --pods: .*received: -1;/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', 'x'], exit: 2, line: /^error: Parsing --pods: Expected an integer but received: x; see vpccni ipamd simulate --help$/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--max-pods', '0'], exit: 2, line: /^error: Parsing --max-pods: .*received: 0;/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--ec2-latency', '-1'], exit: 2, line: /^error: Parsing --ec2-latency: .*received: -1;/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--set', 'WARM_IP_TARGET'], exit: 2, line: /^error: --set expects KEY=VALUE/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--set', 'ENABLE_IPv6=true'], exit: 2, line: /^error: ipamd runs no warm pool with ENABLE_IPv6=true/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--set', `${LONG}=1`], exit: 2, line: /^error: unknown aws-node variable "x{40}…" \(5000 characters\)/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--trace', '{dir}/missing.csv'], exit: 2, line: /no such file/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--trace', '{dir}/trace-words.csv'], exit: 2, line: /trace-words\.csv line 2: expected "seconds,\+\|-,count", got "world"/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--trace', '{dir}/trace-binary.csv'], exit: 2, line: /trace-binary\.csv line \d+: expected/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--trace', '{dir}/trace-negative.csv'], exit: 2, line: /trace-negative\.csv line 1: expected/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--trace', '{dir}/trace-comments.csv'], exit: 2, line: /trace-comments\.csv has no events/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--trace', '-'], exit: 2, line: /^error: standard input has no events/},
  {args: ['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--trace', '-'], input: '0,+,5\n60,+,x\n', exit: 2, line: /^error: standard input line 2: expected "seconds,\+\|-,count", got "60,\+,x"/},

  // snapshot, before anything is read
  {args: ['snapshot', '-o', ''], exit: 2, line: /^error: -o\/--output is empty/},
  {args: ['snapshot', '-o', '{dir}/a-file'], exit: 2, line: /^error: ".*a-file" is not a folder/},
  {args: ['snapshot', '-o', '{dir}/a-file/inside'], exit: 2, line: /^error: cannot create ".*inside": .*a-file is not a folder/},
  // access(W_OK) says yes to root in /proc, where no file can be created: the folder is tried, as the write will be.
  {args: ['snapshot', '-o', '/proc'], exit: 2, line: /^error: cannot write to "\/proc": (it does not take new files|permission denied)$/},
  {args: ['snapshot', '-o', '/proc/vpccni-new'], exit: 2, line: /^error: cannot create "\/proc\/vpccni-new": (\/proc does not take new files|permission denied)$/},
  {args: ['snapshot', '-o', '{dir}/busy'], exit: 2, line: /^error: ".*busy" is not empty; choose a new folder, or pass --force/},
  {args: ['snapshot', '-o', '{dir}/new-snapshot', '--region', 'us east 1'], exit: 2, line: /^error: --region "us east 1" is not an AWS region name/},
  {args: ['snapshot', '-o', '{dir}/new-snapshot', '--kubeconfig', '{dir}/kubeconfig-bad-yaml'], exit: 3, line: /^error: snapshot: nothing could be read .*kubeconfig-bad-yaml/},
  {args: ['snapshot', '-o', '', '{hung}'], exit: 2, line: /^error: -o\/--output is empty/},

  // Issue 12 items merged after the corpus was first written (1, 2, 4, 5, 7, 8, 12, 13, 17, 22) and numbers beyond 2^53
  {args: ['max-pods', 'c7i.32xlarge'], exit: 0, line: /^warning: vpccni's data has no vCPU count for c7i\.32xlarge, so the 110\/250 cap cannot be derived: the smaller cap, 110, is applied$/, stdout: /^110\n$/},
  {args: ['max-pods', 'c5a.metal', '--prefix'], exit: 0, line: /no vCPU count for c5a\.metal/, stdout: /^110\n$/},
  {args: ['max-pods', 'm5.large', '--max-eni', '2', '--custom-networking', '--security-groups-for-pods'], exit: 1, line: /^warning: m5\.large: no ENI carries pods \(2 ENIs after MAX_ENI; .*\): only the host-network pods fit$/, stdout: /^2\n$/},
  {args: ['max-pods', 'm5.large', '--max-eni', TOO_BIG], exit: 2, line: beyond2To53('max-eni', 'max-pods')},
  {args: ['max-pods', 'm5.large', '--max-eni', '9007199254740992'], exit: 2, line: /^error: Parsing --max-eni: Expected an integer less than or equal to 9007199254740991 but received: 9007199254740992;/},
  {args: ['max-pods', `m5.${'x'.repeat(20_000)}`], exit: 2, line: /^error: unknown instance type "m5\.x{37}…" \(20003 characters\)$/},
  {args: ['max-pods', 'm5.large', '--source', 'ec2', '--region', 'us-east-1', '--request-timeout', TOO_BIG], exit: 2, line: /^error: Parsing --request-timeout: Expected an integer less than or equal to 86400 but received: 9{20};/},
  {args: ['compat', '--request-timeout', '86401'], exit: 2, line: /^error: Parsing --request-timeout: Expected an integer less than or equal to 86400 but received: 86401;/},
  {args: ['compat', '--kubernetes-version', '1.2', '--cni-version', 'v1.19.2'], exit: 1, line: /^warning: kubernetes-outside-data: Kubernetes 1\.2 is outside what vpccni's data covers \(Kubernetes 1\.23–1\.36\): compatibility is unknown/, stdout: /^unknown: /},
  {args: ['compat', '--kubernetes-version', '1.99', '--cni-version', 'v1.19.2'], exit: 1, line: /Kubernetes 1\.99 is outside what vpccni's data covers/, stdout: /^unknown: /},
  {args: ['compat', '--kubernetes-version', '1.31', '--cni-version', `v1.${TOO_BIG}.0`], exit: 2, line: /^error: CNI version "v1\.9{20}\.0" has a number too large to be a version; write it as v1\.19\.2$/},
  {args: ['compat', '--kubernetes-version', '1.31', '--cni-version', 'v2.1.0'], exit: 2, line: /^error: CNI version "v2\.1\.0" is not a v1 release: every VPC CNI release is v1\.x/},
  {args: ['compat', '--kubernetes-version', `1.${TOO_BIG}`, '--cni-version', 'v1.19.2'], exit: 2, line: /^error: Kubernetes version "1\.9{20}" has a number too large to be a version/},
  {args: ['upgrade-plan', '--from', 'v1.5.0', '--kubernetes-version', '1.22'], exit: 2, line: /^error: no EKS-recommended CNI is known for Kubernetes 1\.22: pass --to; vpccni's tables cover Kubernetes 1\.23–1\.36$/},
  {args: ['upgrade-plan', '--from', `v1.${TOO_BIG}.0`, '--kubernetes-version', '1.31'], exit: 2, line: /has a number too large to be a version/},
  {args: ['upgrade-plan', '--from', 'v2.0.0', '--kubernetes-version', '1.31'], exit: 2, line: /^error: CNI version "v2\.0\.0" is not a v1 release/},
  {args: ['upgrade-plan', '--from', 'v1.12.0', '--to', `v1.${TOO_BIG}.0`, '--kubernetes-version', '1.31'], exit: 2, line: /has a number too large to be a version/},
  {args: ['upgrade-plan', '--from', 'v1.11.4', '--kubernetes-version', '1.26'], exit: 0, line: /^warning: urgent: v1\.11\.4 does not work on Kubernetes 1\.26 now .*: upgrade the CNI first$/, stdout: /^Upgrade plan: VPC CNI v1\.11\.4 → /},
  {args: [...SIMULATE.slice(0, -1), '99999999999'], exit: 2, line: /^error: --pods 99,999,999,999 is more than one m5\.large can hold \(29: /},
  {args: [...SIMULATE, '--max-pods', TOO_BIG], exit: 2, line: beyond2To53('max-pods', 'ipamd simulate')},
  {args: [...SIMULATE, '--max-pods', '99999'], exit: 2, line: /^error: --max-pods 99,999 is more than any node can address \(24,194, /},
  {args: [...SIMULATE, '--ec2-latency', TOO_BIG], exit: 2, line: beyond2To53('ec2-latency', 'ipamd simulate')},
  {args: [...SIMULATE, '--trace', '{dir}/trace-overdraw.csv'], exit: 2, line: /^error: .*trace-overdraw\.csv: 50 pods leave at 10 s while 5 are running; raise --pods/},
  {args: [...WARM, '--set', 'WARM_IP_TARGET=0', '--set', 'WARM_ENI_TARGET=0'], exit: 0, line: /^warning: --set WARM_ENI_TARGET=0 WARM_IP_TARGET=0 is what warm-targets tunes: it is simulated as given and shown as the current row/, stdout: /\(current/},
  {args: [...WARM, '--churn', '1e6'], exit: 2, line: /^error: --churn 1000000 pod starts per minute is more than one node runs: at most 29 /},
  {args: [...WARM, '--churn', '1e400'], exit: 2, line: /^error: --churn "1e400" pod starts per minute is more than one node runs: at most 29 /},
  {args: [...WARM, '--nodes', '99999999999'], exit: 2, line: /^error: --nodes 99,999,999,999 is more than an EKS cluster holds \(100,000 nodes\)$/},
  {args: [...WARM.slice(0, -1), '99999999999'], exit: 2, line: /^error: 99999999999 pods on one node is more than its max pods \(29\)/},
  {args: [...WARM, '--peak', '99999999999'], exit: 2, line: /pods on one node is more than its max pods \(29\); lower --pods, --peak or --burst/},
  {args: [...WARM, '--burst', TOO_BIG], exit: 2, line: beyond2To53('burst', 'warm-targets')},
  {args: [...WARM, '--subnet-free', TOO_BIG], exit: 2, line: beyond2To53('subnet-free', 'warm-targets')},
  {args: [...WARM, '--subnet-free', '0'], exit: 1, stdout: /Problem: not one node fits in the subnet: 0 free addresses, from --subnet-free, while a node takes \d+/},
  {args: [...WARM, '--subnet-free', '1'], exit: 1, stdout: /Problem: not one node fits in the subnet: 1 free address(es)?, from --subnet-free/},
  {args: [...WARM, '--trace', '{dir}/trace-overdraw.csv'], exit: 2, line: /trace-overdraw\.csv: 50 pods leave at 10 s while \d+ are running/},
  {args: [...WARM, '--nodes', '2000'], exit: 0, stdout: /WARM_IP_TARGET=\d+ MINIMUM_IP_TARGET=\d+ \(EC2 over 1,800\/h cluster\)/},
  {args: [...WARM, '--nodes', '2000', '--set', 'WARM_IP_TARGET=5'], exit: 0, line: /^warning: --set WARM_IP_TARGET=5 is what warm-targets tunes/,
    stdout: /WARM_ENI_TARGET=1 WARM_IP_TARGET- MINIMUM_IP_TARGET-\n.*\n.*'\{"env":\{"WARM_ENI_TARGET":"1","WARM_IP_TARGET":"0","MINIMUM_IP_TARGET":"0"\}\}'/},

  // plan
  {args: ['plan'], exit: 2, line: /^error: give the node groups one way: --node-group, -f cluster\.yaml or --from-cluster$/},
  {args: ['plan', '--node-group', 'm5.large:3', '-f', '{dir}/cluster-no-groups.yaml'], exit: 2, line: /^error: give the node groups one way/},
  {args: ['plan', '--node-group', 'm9.large:3'], exit: 2, line: /^error: unknown instance type "m9\.large"; did you mean /},
  {args: ['plan', '--node-group', 'm5.large'], exit: 2, line: /^error: --node-group expects TYPE:COUNT\[:MAX\[:PODS\]\], e\.g\. m5\.large:3:10:20; got "m5\.large"$/},
  {args: ['plan', '--node-group', 'm5.large:3:2'], exit: 2, line: /^error: --node-group m5\.large:3:2: MAX 2 is below COUNT 3$/},
  {args: ['plan', '--node-group', `m5.large:${TOO_BIG}`], exit: 2, line: /COUNT must be a whole number, got "9{20}"/},
  {args: ['plan', '--node-group', 'm5.large:3', '--pods-per-node', TOO_BIG], exit: 2, line: beyond2To53('pods-per-node', 'plan')},
  {args: ['plan', '--node-group', 'm5.large:3', '--pods-per-node', '500'], exit: 2, line: /^error: node group m5\.large: 500 pods per node and the 2 host-network pods are more than the max pods of m5\.large \(29\)/},
  {args: ['plan', '--node-group', 'm5.large:3', '--zones', '0'], exit: 2, line: /^error: Parsing --zones: .*received: 0;/},
  {args: ['plan', '--node-group', 'm5.large:3', '--subnet', 'us-east-1a=10.0.0.0/33'], exit: 2, line: /^error: subnet us-east-1a: "10\.0\.0\.0\/33" is not an IPv4 CIDR; e\.g\. 10\.0\.0\.0\/23$/},
  {args: ['plan', '--node-group', 'm5.large:3', '--subnet', 'us-east-1a=banana'], exit: 2, line: /"banana" is not an IPv4 CIDR/},
  {args: ['plan', '--node-group', 'm5.large:3', '--subnet', '10.0.0.0/24'], exit: 2, line: /^error: --subnet expects ZONE=CIDR, got "10\.0\.0\.0\/24"/},
  {args: ['plan', '--node-group', 'm5.large:3', '--subnet', 'us-east-1a=10.0.0.0/24', '--custom-networking', '--pod-subnet', 'us-east-1b=100.64.0.0/16'], exit: 2, line: /^error: pod subnet .*us-east-1b: zone us-east-1b has no node subnet$/},
  {args: ['plan', '--node-group', 'm5.large:3', '--set', 'WARM_IP_TARGET=x'], exit: 2, line: /^error: WARM_IP_TARGET must be a non-negative integer, got "x"$/},
  {args: ['plan', '-f', '{dir}/ds-configmap.yaml'], exit: 2, line: /^error: -f expects an eksctl ClusterConfig \(apiVersion: eksctl\.io\/v1alpha5, kind: ClusterConfig\)/},
  {args: ['plan', '-f', '{dir}/ds-bad.yaml'], exit: 2, line: /^error: .*ds-bad\.yaml is not valid YAML or JSON: /},
  {args: ['plan', '-f', '{dir}/ds-scalar.yaml'], exit: 2, line: /^error: -f expects an eksctl ClusterConfig/},
  {args: ['plan', '-f', '{dir}/cluster-no-groups.yaml'], exit: 2, line: /^error: the ClusterConfig has no managedNodeGroups or nodeGroups to plan for/},
  {args: ['plan', '-f', '{dir}/cluster-unknown-type.yaml'], exit: 2, line: /^error: unknown instance type "m9\.large"/},
  {args: ['plan', '-f', '{dir}/cluster-negative.yaml'], exit: 2, line: /^error: node group a: desiredCapacity must be a whole number, got -2/},
  {args: ['plan', '-f', '{dir}/missing.yaml'], exit: 2, line: /^error: cannot read .*missing\.yaml: no such file/},
  {args: ['plan', '-f', '-'], exit: 2, line: /^error: standard input is empty; eksctl create cluster --dry-run prints a ClusterConfig$/},
  {args: ['plan', '--from-cluster', '--from-dir', '{dir}/snap-garbage'], exit: 2, line: /index\.json is not valid JSON/},

  // doctor
  {args: ['doctor'], exit: 3, line: /^error: kubernetes:kubeconfig: no kubeconfig context found \(looked in .*\); pass --kubeconfig or set KUBECONFIG; or, without a cluster: vpccni doctor --from-dir DIR$/},
  {args: ['doctor', '--context', 'prod', '--json'], exit: 3, line: noKubeconfig},
  hung(['doctor'], /^error: kubernetes:readServerVersion: .* gave no answer within 2 s/),
  {args: ['doctor', '--all-contexts'], exit: 3, line: noKubeconfig},
  {args: ['doctor', '--ouput', 'json'], exit: 2, line: /^error: Nonexistent flag: --ouput; did you mean --output\? see vpccni doctor --help$/},
  {args: ['max-pods', 'm5.large', '--prefx'], exit: 2, line: /^error: Nonexistent flag: --prefx; did you mean --prefix\? see vpccni max-pods --help$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--only', 'CNI999'], exit: 2, line: /^error: --only: unknown check ID "CNI999"/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--only', 'CNI001', '--severity', 'CNI004=error'], exit: 2, line: /^error: --severity CNI004: not among the checks --only and --skip leave to run$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--only', ''], exit: 2, line: /^error: --only names no check ID; e\.g\. --only CNI001$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--skip', ' , '], exit: 2, line: /^error: --skip names no check ID; e\.g\. --skip CNI001$/},
  {args: ['doctor', '--kubeconfig', '{dir}/kubeconfig-no-current', '--context', 'zzz'], exit: 2, line: /^error: kubeconfig has no context "zzz"; its contexts: one, two$/},
  {args: ['doctor', '--context', 'a', '--context', 'b'], exit: 3, line: noKubeconfig},
  {args: ['doctor', '--kubeconfig', '{dir}/kubeconfig-no-current', '--context', 'one', '--context', 'zzz'], exit: 2, line: /^error: kubeconfig has no context "zzz"; its contexts: one, two$/},
  {args: ['doctor', '--kubeconfig', '{dir}/kubeconfig-no-current', '--context', 'one', '--context', 'two', '--request-timeout', '2'], exit: 3, line: /^error: none of the 2 clusters could be read; each cluster's entry says why$/, stdout: /^vpccni doctor: 2 clusters, 0 read\n/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--severity', 'CNI001=fatal'], exit: 2, line: /^error: --severity CNI001=fatal: LEVEL must be one of error, warning, info$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--output', 'yaml'], exit: 2, line: /^error: Expected --output=yaml to be one of: text, json, markdown, junit, sarif, prometheus;/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--context', 'a'], exit: 2, line: /^error: --context=a cannot also be provided when using --from-dir;/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--region', 'us-east-1'], exit: 2, line: /^error: --region=us-east-1 cannot also be provided when using --from-dir;/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--output', 'prometheus', '--output-file', '{dir}/missing/x.prom'], exit: 2, line: /^error: cannot write --output-file .*missing\/x\.prom: its folder .*missing does not exist$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--output', 'prometheus', '--output-file', '/proc/vpccni.prom'], exit: 2, line: /^error: cannot write --output-file \/proc\/vpccni\.prom: (\/proc does not take new files|permission denied)$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--output', 'prometheus', '--output-file', '{dir}/a-folder'], exit: 2, line: /^error: cannot write --output-file .*a-folder: it is a folder$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--output', 'prometheus', '--push-gateway', 'notaurl'], exit: 2, line: /^error: --push-gateway "notaurl": not an http\(s\) URL$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--push-gateway', 'http://ci:s3cr3t@gw:9091/metrics'], exit: 2, line: /^error: --push-gateway "http:\/\/\*\*\*@gw:9091\/metrics": give the Pushgateway's own URL, without \/metrics; vpccni adds \/metrics\/job\/vpccni\/cluster\/NAME\/… itself/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--push-gateway', 'http://gw:9091/base/metrics/job/vpccni'], exit: 2, line: /^error: --push-gateway "http:\/\/gw:9091\/base\/metrics\/job\/vpccni": give the Pushgateway's own URL, without \/metrics\/job\/vpccni;/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--push-gateway', 'ftp://ci:s3cr3t@gw'], exit: 2, line: /^error: --push-gateway "ftp:\/\/\*\*\*@gw": not an http\(s\) URL$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--output-file', ''], exit: 2, line: /^error: --output-file is empty: name the file to write$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--json', '--output', 'prometheus'], exit: 2, line: /^error: --json does not go with --output prometheus: pass one of them$/},
  {args: ['doctor', '--from-dir', '{examples}/snapshot', '--concurrency', '3'], exit: 2, line: /^error: --concurrency is for a fleet: give several --context, or --all-contexts$/},
  {args: ['doctor', '--all-contexts', '--context', 'a'], exit: 2, line: /^error: --context=a cannot also be provided when using --all-contexts;/},
  {args: ['diff', '--from-dir', '{examples}/snapshot', '--kubeconfig', '{dir}/missing'], exit: 2, line: /^error: --kubeconfig=.*missing cannot also be provided when using --from-dir;/},

  // ipamd dry-run
  {args: ['ipamd', 'dry-run'], exit: 2, line: /^error: give --node NODE, or --all for every node/},
  {args: ['ipamd', 'dry-run', '--node', 'x'], exit: 3, line: noKubeconfig},
  {args: ['ipamd', 'dry-run', '--from-dir', '{examples}/snapshot', '--node', 'nope'], exit: 2, line: /^error: no node named "nope" in the cluster/},
  {args: ['ipamd', 'dry-run', '--from-dir', '{examples}/snapshot', '--node', NODE.slice(0, -1)], exit: 2, line: /; did you mean ip-10-0-0-4\.us-west-2\.compute\.internal/},
  {args: ['ipamd', 'dry-run', '--from-dir', '{examples}/snapshot', '--node', NODE, '--all'], exit: 2, line: /^error: --all cannot go with --node: they are for one node$/},
  {args: ['ipamd', 'dry-run', '--from-dir', '{dir}/snap-garbage', '--all'], exit: 2, line: /index\.json is not valid JSON/},
  {args: [...DRY_RUN, '--checkpoint', '{dir}/checkpoint-not-json.json'], exit: 2, line: /^error: --checkpoint .*checkpoint-not-json\.json: not an ipamd checkpoint \(not JSON\); save \/var\/run\/aws-node\/ipam\.json from the node$/},
  {args: [...DRY_RUN, '--checkpoint', '{dir}/checkpoint-no-container.json'], exit: 2, line: /not an ipamd checkpoint \(allocation 0 has no containerID\)/},
  {args: [...DRY_RUN, '--checkpoint', '{dir}/json-array.json'], exit: 2, line: /not an ipamd checkpoint \(not a JSON object\)/},
  {args: [...DRY_RUN, '--checkpoint', '{dir}/a-folder'], exit: 2, line: /^error: --checkpoint: cannot read .*a-folder: it is a folder/},
  {args: [...DRY_RUN, '--introspection', '{dir}/ds-bad.yaml'], exit: 2, line: /^error: --introspection .*ds-bad\.yaml: not an ipamd \/v1\/enis answer \(not JSON\); save it on the node with: curl -s localhost:61679\/v1\/enis/},
  {args: [...DRY_RUN, '--introspection', '{dir}/json-array.json'], exit: 2, line: /not an ipamd \/v1\/enis answer \(not a JSON object\)/},
  {args: [...DRY_RUN, '--introspection', '{dir}/missing.json'], exit: 2, line: /^error: --introspection: cannot read .*missing\.json: no such file/},
  {args: [...DRY_RUN, '--set', 'WARM_IP_TARGET=-1'], exit: 2, line: /^error: WARM_IP_TARGET must be a non-negative integer, got "-1"$/},
  {args: [...DRY_RUN, '--set', 'FOO'], exit: 2, line: /^error: --set expects KEY=VALUE, got "FOO"/},
]
