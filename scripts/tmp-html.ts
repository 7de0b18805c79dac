import { sessionCookies } from "./bench/sessions";
const cookie = sessionCookies("/work/main/data/bench/big.db", "bench-secret-bench-secret-bench-secret-0123456789")(process.argv[3] ?? "seller-maya");
const html = await (await fetch(`http://127.0.0.1:3300${process.argv[2]}`, { headers: { cookie } })).text();
const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((s, m) => s + m[0].length, 0);
const svg = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].reduce((s, m) => s + m[0].length, 0);
const forms = [...html.matchAll(/<form[\s\S]*?<\/form>/g)];
console.log(process.argv[2], "total", html.length, "scripts", scripts, "svg", svg, "forms", forms.length, forms.reduce((s, m) => s + m[0].length, 0));
const header = /<header[\s\S]*?<\/header>/.exec(html)?.[0].length; const footer = /<footer[\s\S]*?<\/footer>/.exec(html)?.[0].length; const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0].length;
console.log("header", header, "main", main, "footer", footer);
