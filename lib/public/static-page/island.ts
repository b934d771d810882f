/** The note shown beside a download link while the file is generated (the first PDF takes seconds). */
export const DOWNLOAD_NOTE = "正在生成文件，首次生成约需数秒，请稍候…";

/**
 * The only script of a page rendered to static HTML, inline (< 2 KB): what the React runtime did
 * on these pages, without it. (1) The header's signed-in part, from /api/me, as AccountNav;
 * signing out is next-auth's CSRF token then POST, and a whole new page. (2) A download link
 * with data-note says it is working until the browser has had time to show the download. The
 * page reads completely without it: every link and table is in the HTML.
 */
export const ISLAND_SCRIPT = `(function(){
var d=document,nav=d.querySelector("header.shell nav"),who=d.querySelector("header.shell .who");
function el(t,p){var e=d.createElement(t);for(var k in p)e[k]=p[k];return e}
function signIn(){who.replaceChildren(el("a",{href:"/signin",textContent:"登录"}))}
fetch("/api/me",{cache:"no-store"}).then(function(r){return r.json()}).then(function(me){
if(!me.signedIn)return signIn();
me.links.forEach(function(l){nav.append(el("a",{href:l.href,textContent:l.label}))});
var u=el("span",{textContent:me.displayName+"（"+me.roles.join("、")+"）"});u.dataset.testid="current-user";
var b=el("button",{type:"button",className:"secondary",textContent:"退出登录"});
b.onclick=function(){fetch("/api/auth/csrf").then(function(r){return r.json()}).then(function(t){
return fetch("/api/auth/signout",{method:"POST",headers:{"Content-Type":"application/x-www-form-urlencoded"},body:new URLSearchParams({csrfToken:t.csrfToken,callbackUrl:"/",json:"true"})})
}).then(function(){location.replace(new URL("/",location.origin))})};
who.replaceChildren(u,b);
}).catch(signIn);
d.addEventListener("click",function(e){
var a=e.target.closest&&e.target.closest("a[data-note]");
if(!a||a.getAttribute("aria-busy"))return;
var n=el("span",{className:"muted download-note",textContent:a.dataset.note});n.setAttribute("role","status");
a.setAttribute("aria-busy","true");a.after(n);
setTimeout(function(){a.removeAttribute("aria-busy");n.remove()},8000);
});
})();`;
