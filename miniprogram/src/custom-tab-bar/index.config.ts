// WeChat loads the custom tab bar as a custom component.
export default { component: true }
