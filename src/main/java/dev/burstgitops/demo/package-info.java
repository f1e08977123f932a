/**
 * {@code demo}: the whole loop on 127.0.0.1 with real peers (Prometheus, two kube-apiservers on
 * etcd, a Git repository), a traffic generator and the stand-ins it needs (a kubelet that reports
 * replicas available), and the printed timeline and figures. May use {@code controller} and what
 * it wires, plus {@code bundled}.
 */
package dev.burstgitops.demo;
