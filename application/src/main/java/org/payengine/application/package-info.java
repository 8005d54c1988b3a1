package org.payengine.application;
